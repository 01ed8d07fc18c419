package dev.tlkit.bench;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.ImageSet;
import dev.tlkit.data.LabelledSentences;
import dev.tlkit.kernel.KernelSpec;
import dev.tlkit.data.Tasks;
import dev.tlkit.models.SentenceEncoder;
import dev.tlkit.models.VisionBackbone;
import dev.tlkit.notebooks.NotebookExecutor;
import dev.tlkit.notebooks.NotebookFiles;
import dev.tlkit.notebooks.NotebookRun;
import dev.tlkit.train.Stopwatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./kit bench [--quick] [--no-lessons] [--out DIR]}: measures, in one run on this machine, the kit's
 * training speed against Python PyTorch, the cached-feature head against the frozen backbone, the sentence
 * encoder, the kernel's start and every lesson's time and memory; writes {@code benchmarks.md} and PNG charts
 * (default {@code target/benchmarks}) and exits 1 if a target is missed.
 */
public final class Benchmarks {
    private static final long SEED = 1;

    /** How much to measure: {@code quick} repeats less and trains on fewer images (for the tests). */
    public record Options(boolean quick, boolean lessons, Path out, Path projectDir) {
        int trainingImages() {
            return quick ? 1024 : 4096;
        }

        int repeats() {
            return quick ? 3 : 5;
        }
    }

    private Benchmarks() {
    }

    public static BenchmarkResults run(Options options) throws IOException {
        int threads = CnnTraining.threads();
        say("PyTorch uses " + threads + " intra-op threads; training the kit's CNN in DJL ...");
        ImageSet random = CnnTraining.randomImages(options.trainingImages(), 10, SEED);
        Measurement djl = CnnTraining.trainingThroughput(random, 64, options.repeats(), SEED);
        say(djl.describe());
        say("... and the same model in Python PyTorch");
        TorchReference.Result torch = TorchReference.trainingThroughput(options.trainingImages(), 64, threads,
                options.repeats());
        say(torch.throughput().describe() + " with " + torch.describe());

        say("head epochs: frozen backbone vs cached features (10,000 Fashion-MNIST target images)");
        ImageSet target = Tasks.fashionClothesToRest().train().samplePerClass(2000, SEED);
        Measurement frozen;
        Measurement cached;
        double cacheSeconds;
        try (VisionBackbone backbone = VisionBackbone.load("fashion-source-cnn")) {
            frozen = CnnTraining.frozenBackboneEpoch(backbone, target, options.repeats(), SEED);
            Stopwatch clock = Stopwatch.start();
            FeatureSet features = backbone.features(target);
            cacheSeconds = clock.seconds();
            cached = CnnTraining.cachedFeatureEpoch(features, options.repeats(), SEED);
        }
        say(frozen.describe() + " vs " + cached.describe());

        say("ImageNet MobileNetV2 features at 96 px: DJL, its batch sizes, and TensorFlow.js on the same weights");
        MobileNetThroughput.Result mobileNet = MobileNetThroughput.measure(options.quick() ? target.head(2000) : target,
                options.quick() ? 1000 : target.size(), options.quick() ? 500 : 1000, options.quick() ? 2 : 3, threads,
                options.projectDir(), options.out().resolve("mobilenet"));
        say(mobileNet.djl().describe() + " vs " + mobileNet.tfjs().describe() + " (" + mobileNet.tfjsBackend() + ", "
                + mobileNet.tfjsThreads() + " threads)");

        say("sentence encoder throughput");
        List<String> sentences = LabelledSentences.yelp().texts().subList(0, options.quick() ? 128 : 256);
        Measurement batch1;
        Measurement batch32;
        try (SentenceEncoder encoder = SentenceEncoder.miniLm()) {
            batch1 = EncoderThroughput.oneAtATime(encoder, sentences, options.repeats());
            batch32 = EncoderThroughput.batched(encoder, sentences, options.repeats());
        }
        say(batch1.describe() + "; " + batch32.describe());

        say("MiniLM in DJL: inference vs ONNX Runtime, training top 2 / all 6 layers, both vs Python PyTorch");
        TransformerThroughput.Result transformer = TransformerThroughput.measure(
                LabelledSentences.yelp().head(options.quick() ? 128 : 256), options.repeats(), threads,
                options.out().resolve("minilm"));
        say(transformer.djlForward().describe() + " vs " + transformer.onnxForward().describe() + " and "
                + transformer.torchForward().describe() + "; training " + transformer.djlTop2().describe() + ", "
                + transformer.djlAll6().describe() + " vs " + transformer.torchAll6().describe());

        say("lesson 8's speech: synthesising its clips the first time, and the speech embedding");
        SpeechThroughput.Result speech = SpeechThroughput.measure(options.out().resolve("speech"), options.repeats());
        say(speech.synthesis().describe() + " for " + speech.clips() + " clips; " + speech.embedding().describe() + "; "
                + speech.rebuilt().describe());

        say("kernel start to the first tensor operation");
        KernelStart.Result start = KernelStart.measure(options.projectDir(), options.quick() ? 2 : 3);
        say("cold " + start.cold().describe() + "; warm " + start.warm().describe());

        List<NotebookRun> lessons = new ArrayList<>();
        if (options.lessons()) {
            NotebookExecutor executor = NotebookExecutor.writingTo(options.out().resolve("lessons"))
                    .withJupyterPath(KernelSpec.projectJupyterPath(options.projectDir()));
            for (Path lesson : NotebookFiles.in(options.projectDir().resolve("notebooks"))) {
                NotebookRun run = executor.run(lesson);
                say(run.summary());
                lessons.add(run);
            }
        }
        return new BenchmarkResults(machine(), threads, djl, torch, frozen, cached, cacheSeconds, batch1, batch32, transformer, mobileNet, speech, start,
                lessons);
    }

    static String machine() {
        String cpu = "an unknown CPU";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the processor name is only for the report
        }
        return java.time.LocalDate.now() + ", " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version() + ", MALLOC_ARENA_MAX=" + System.getenv().getOrDefault("MALLOC_ARENA_MAX", "unset");
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }

    public static void main(String[] args) throws IOException {
        boolean quick = false;
        boolean lessons = true;
        Path out = Path.of("target", "benchmarks");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--no-lessons" -> lessons = false;
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: ./kit bench [--quick] [--no-lessons] [--out DIR]");
                    System.exit(2);
                }
            }
        }
        Path project = Path.of(System.getProperty("kit.project.dir", ".")).toAbsolutePath().normalize();
        // absolute: the reference scripts run in their own folders and are handed files under it
        BenchmarkResults results = run(new Options(quick, lessons, out.toAbsolutePath(), project));
        Path report = BenchmarkReport.write(results, out);
        results.targets().forEach(t -> System.out.println(t.line()));
        System.out.println("wrote " + report + " and its charts");
        System.exit(results.allTargetsMet() ? 0 : 1);
    }
}
