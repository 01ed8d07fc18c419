package dev.tlkit.bench;

import dev.tlkit.notebooks.NotebookFiles;
import dev.tlkit.notebooks.NotebookRun;
import dev.tlkit.viz.Charts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;

/** Writes a benchmark run as {@code benchmarks.md} (Markdown tables) and two XChart PNGs. */
public final class BenchmarkReport {
    public static final String MARKDOWN = "benchmarks.md";
    public static final String TRAINING_CHART = "training-throughput.png";
    public static final String LESSONS_CHART = "lessons.png";

    private BenchmarkReport() {
    }

    /** Writes the report into {@code dir}; returns the Markdown file. */
    public static Path write(BenchmarkResults results, Path dir) throws IOException {
        Files.createDirectories(dir);
        CategoryChart training = Charts.bar("Training the kit's CNN (batch 64, " + results.threads() + " threads)",
                "", "images per second", List.of("DJL (kit)", "Python PyTorch"),
                List.of(results.djlTraining().median(), results.torch().throughput().median()));
        BitmapEncoder.saveBitmap(training, dir.resolve(TRAINING_CHART).toString(), BitmapEncoder.BitmapFormat.PNG);
        if (!results.lessons().isEmpty()) {
            CategoryChart lessons = Charts.bar("Lesson wall time (budget " + (int) BenchmarkResults.MAX_LESSON_SECONDS
                    + " s each)", "", "seconds", results.lessons().stream().map(run -> NotebookFiles.name(run.notebook())).toList(),
                    results.lessons().stream().map(NotebookRun::seconds).toList());
            BitmapEncoder.saveBitmap(lessons, dir.resolve(LESSONS_CHART).toString(), BitmapEncoder.BitmapFormat.PNG);
        }
        Path file = dir.resolve(MARKDOWN);
        Path temporary = Files.createTempFile(dir, MARKDOWN, ".part");
        Files.writeString(temporary, markdown(results));
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    static String markdown(BenchmarkResults r) {
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Measured in one run of `./kit bench` on ").append(r.machine()).append(". Each figure is the median of")
                .append(" its repeats (range in brackets).\n\n");
        md.append("## Targets\n\n| | what | measured | target |\n|---|---|---|---|\n");
        for (Target t : r.targets()) {
            md.append("| ").append(t.met() ? "met" : "**missed**").append(" | ").append(t.what()).append(" | ")
                    .append(t.measured()).append(" | ").append(t.goal()).append(" |\n");
        }
        md.append("\n## Figures\n\n| figure | median | repeats |\n|---|---|---|\n");
        row(md, r.djlTraining(), "DJL " + ai.djl.engine.Engine.getDjlVersion() + ", PyTorch "
                + ai.djl.engine.Engine.getEngine("PyTorch").getVersion() + ", " + r.threads() + " threads");
        row(md, r.torch().throughput(), r.torch().describe());
        md.append(String.format(Locale.ROOT, "| DJL / PyTorch training speed | %.2fx | |%n", r.djlVsPytorch()));
        row(md, r.frozenEpoch(), "10,000 images, head trained on the frozen backbone's output");
        row(md, r.cachedEpoch(), "the same head on features computed once");
        md.append(String.format(Locale.ROOT, "| computing the feature cache once | %s s | |%n",
                Measurement.number(r.featureCacheSeconds())));
        md.append(String.format(Locale.ROOT, "| cached head speed-up per epoch | %.0fx | |%n", r.cachedHeadSpeedUp()));
        MobileNetThroughput.Result m = r.mobileNet();
        row(md, m.djl(), "ImageNet MobileNetV2 to block_10 at 96 px, " + m.djl().samples().size() + " passes");
        for (int i = 0; i < m.batchSweep().size(); i++) {
            row(md, m.batchSweep().get(i), String.format(Locale.ROOT, "%.1f minor page faults per image",
                    m.faultsPerImage().get(i)));
        }
        row(md, m.tfjs(), "@tensorflow/tfjs " + m.tfjsBackend() + " backend, " + m.tfjsThreads() + " thread(s), same weights"
                + " and images");
        md.append(String.format(Locale.ROOT, "| DJL / TensorFlow.js feature speed | %.2fx | |%n", m.djlVsTfjs()));
        md.append(String.format(Locale.ROOT, "| largest difference of the two runtimes' features of one image | %.1e | |%n",
                m.firstFeatureDifference()));
        row(md, r.encoderBatch1(), "all-MiniLM-L6-v2 on OnnxRuntime, Yelp sentences one at a time");
        row(md, r.encoderBatch32(), "the same sentences in batches of 32");
        TransformerThroughput.Result t = r.transformer();
        row(md, t.djlForward(), "the same sentences, MiniLM rebuilt in DJL (PyTorch engine), shortest first");
        row(md, t.onnxForward(), "the kit's SentenceEncoder");
        row(md, t.torchForward(), "PyTorch " + t.torchVersion() + ", same weights, token ids and batches");
        md.append(String.format(Locale.ROOT, "| MiniLM inference, DJL / ONNX Runtime | %.2fx | |%n", t.forwardVsOnnx()));
        md.append(String.format(Locale.ROOT, "| MiniLM inference, DJL / PyTorch | %.2fx | |%n", t.forwardVsTorch()));
        row(md, t.djlTop2(), "embeddings and layers 1-4 frozen, Adam");
        row(md, t.djlAll6(), "embeddings frozen, Adam");
        row(md, t.torchTop2(), "PyTorch " + t.torchVersion());
        row(md, t.torchAll6(), "PyTorch " + t.torchVersion());
        md.append(String.format(Locale.ROOT, "| MiniLM training all 6 layers, DJL / PyTorch | %.2fx | |%n",
                t.trainingVsTorch()));
        row(md, r.speech().synthesis(), r.speech().clips() + " clips, eSpeak NG and flite, 4 at a time, resampled by sox");
        row(md, r.speech().embedding(), "mel front end + embedding on OnnxRuntime, 9 windows per clip, 240 clips");
        row(md, r.speech().rebuilt(), "the same clips: mel front end on OnnxRuntime, the embedding as a DJL network (PyTorch)");
        row(md, r.kernelStart().cold(), "empty DJL cache: libtorch unpacked from the Maven jar first");
        row(md, r.kernelStart().warm(), "Jupyter starts the kernel, then runs one tensor operation");
        row(md, r.kernelStart().warmReady(), "until the kernel answers Jupyter");
        md.append("\n![training throughput](").append(TRAINING_CHART).append(")\n");
        if (!r.lessons().isEmpty()) {
            md.append("\n## Lessons\n\n| notebook | wall time | peak memory of the kernel | checks |\n|---|---|---|---|\n");
            for (NotebookRun lesson : r.lessons()) {
                md.append(String.format(Locale.ROOT, "| %s | %.1f s | %.0f MB | %d/%d |%n", NotebookFiles.name(lesson.notebook()), lesson.seconds(),
                        lesson.peakRssMb(), lesson.passedChecks(), lesson.checks().size()));
            }
            md.append(String.format(Locale.ROOT, "| **all lessons** | **%.1f min** | | |%n", r.lessonSuiteSeconds() / 60));
            md.append("\n![lesson times](").append(LESSONS_CHART).append(")\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, Measurement m, String note) {
        String repeats = m.samples().size() == 1 ? "1" : m.samples().size() + " (" + Measurement.number(m.min()) + "-"
                + Measurement.number(m.max()) + ")";
        md.append("| ").append(m.name()).append(" (").append(note).append(") | ").append(Measurement.number(m.median()))
                .append(' ').append(m.unit()).append(" | ").append(repeats).append(" |\n");
    }
}
