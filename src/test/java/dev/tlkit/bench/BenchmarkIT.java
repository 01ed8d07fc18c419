package dev.tlkit.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark command works end to end on this machine (quick mode, lessons left to LessonNotebooksIT,
 * which reports their time and memory): every figure is measured and the report and charts are written.
 * Speeds are judged by the report's targets (a shared CI machine makes timed assertions flake), not here.
 */
class BenchmarkIT {

    @Test
    void aQuickBenchmarkMeasuresEverythingAndWritesItsReport() throws Exception {
        Path project = Path.of(System.getProperty("kit.project.dir", ".")).toAbsolutePath();
        Path out = project.resolve("target/benchmarks-quick");
        BenchmarkResults results = Benchmarks.run(new Benchmarks.Options(true, false, out, project));
        Path report = BenchmarkReport.write(results, out);
        results.targets().forEach(t -> System.out.println("[bench] " + t.line()));

        String markdown = Files.readString(report);
        assertTrue(markdown.contains("| DJL / PyTorch training speed |") && markdown.contains("cached head speed-up"),
                markdown);
        assertTrue(Files.size(out.resolve(BenchmarkReport.TRAINING_CHART)) > 5_000, "the training chart must be a PNG");
        for (Measurement m : new Measurement[] {results.djlTraining(), results.torch().throughput(), results.frozenEpoch(),
                results.cachedEpoch(), results.mobileNet().djl(), results.mobileNet().tfjs(), results.encoderBatch1(), results.encoderBatch32(), results.transformer().djlForward(),
                results.transformer().onnxForward(), results.transformer().torchForward(), results.transformer().djlTop2(),
                results.transformer().djlAll6(), results.transformer().torchTop2(), results.transformer().torchAll6(),
                results.speech().embedding(), results.speech().rebuilt(), results.kernelStart().cold(),
                results.kernelStart().warm()}) {
            assertTrue(m.min() > 0 && Double.isFinite(m.max()), m.name() + ": " + m.samples());
        }
        assertTrue(results.torch().threads() == results.threads(), "PyTorch must use the same threads as DJL");
        assertTrue(markdown.contains("| DJL / TensorFlow.js feature speed |"), markdown);
        assertTrue(markdown.contains("| MiniLM inference, DJL / ONNX Runtime |")
                && markdown.contains("| MiniLM training all 6 layers, DJL / PyTorch |"), markdown);
        assertTrue(results.mobileNet().firstFeatureDifference() < 1e-3,
                "DJL and TensorFlow.js must compute the same features: " + results.mobileNet().firstFeatureDifference());
        assertTrue(results.targets().stream().anyMatch(t -> t.line().contains("cached-feature head")),
                "the speed-up is judged as a benchmark target, not here");
    }
}
