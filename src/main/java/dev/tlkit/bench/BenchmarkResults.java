package dev.tlkit.bench;

import dev.tlkit.notebooks.NotebookFiles;
import dev.tlkit.notebooks.NotebookRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one benchmark run measured, and the targets the kit promises for it: DJL at least as fast
 * as Python PyTorch on the same model and as TensorFlow.js on the ImageNet MobileNetV2, the cached-feature head
 * at least 20x faster per epoch than the frozen backbone, lesson 8's clips synthesised within 2 minutes, each lesson within 4 minutes and 1.2 GB, all lessons
 * within 15 minutes.
 */
public record BenchmarkResults(String machine, int threads, Measurement djlTraining, TorchReference.Result torch,
                               Measurement frozenEpoch, Measurement cachedEpoch, double featureCacheSeconds,
                               Measurement encoderBatch1, Measurement encoderBatch32,
                               TransformerThroughput.Result transformer, MobileNetThroughput.Result mobileNet,
                               SpeechThroughput.Result speech, KernelStart.Result kernelStart,
                               List<NotebookRun> lessons) {
    public static final double MIN_DJL_VS_PYTORCH = 1.0;
    public static final double MIN_CACHED_HEAD_SPEED_UP = 20;
    public static final double MAX_LESSON_SECONDS = 240;
    public static final double MAX_SUITE_SECONDS = 15 * 60;
    public static final double MIN_DJL_VS_TFJS = 1.0;
    /** Binder gives a learner 2 GB; the kernel must leave room for Jupyter and the browser's tab. */
    public static final double MAX_LESSON_RSS_MB = 1200;
    /** Lesson 8 synthesises its clips on first use; a learner should not wait longer than this. */
    public static final double MAX_SPEECH_SYNTHESIS_SECONDS = 120;

    public BenchmarkResults {
        lessons = List.copyOf(lessons);
    }

    /** DJL training images/s over PyTorch's, medians. */
    public double djlVsPytorch() {
        return djlTraining.median() / torch.throughput().median();
    }

    /** How many times faster a cached-feature head epoch is than a frozen-backbone epoch, medians. */
    public double cachedHeadSpeedUp() {
        return frozenEpoch.median() / cachedEpoch.median();
    }

    public double lessonSuiteSeconds() {
        return lessons.stream().mapToDouble(NotebookRun::seconds).sum();
    }

    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        targets.add(Target.atLeast("DJL training speed / PyTorch's, same model, batch and threads", djlVsPytorch(),
                MIN_DJL_VS_PYTORCH, "x"));
        targets.add(Target.atLeast("MobileNetV2 feature extraction at 96 px, DJL / TensorFlow.js (wasm, "
                + mobileNet.tfjsThreads() + " thread" + (mobileNet.tfjsThreads() == 1 ? "" : "s") + ")",
                mobileNet.djlVsTfjs(), MIN_DJL_VS_TFJS, "x"));
        targets.add(Target.atLeast("cached-feature head epoch speed-up over a frozen-backbone epoch", cachedHeadSpeedUp(),
                MIN_CACHED_HEAD_SPEED_UP, "x"));
        targets.add(Target.atMost("synthesising lesson 8's " + speech.clips() + " clips the first time",
                speech.synthesis().median(), MAX_SPEECH_SYNTHESIS_SECONDS, " s"));
        if (!lessons.isEmpty()) {
            targets.add(Target.atMost("whole lesson suite", lessonSuiteSeconds() / 60, MAX_SUITE_SECONDS / 60, " min"));
            for (NotebookRun lesson : lessons) {
                String name = NotebookFiles.name(lesson.notebook());
                targets.add(Target.atMost(name + " time", lesson.seconds(), MAX_LESSON_SECONDS, " s"));
                targets.add(Target.atMost(name + " peak memory", lesson.peakRssMb(), MAX_LESSON_RSS_MB, " MB"));
                targets.add(new Target(name + " checks", "all pass", lesson.passedChecks() + "/" + lesson.checks().size()
                        + (lesson.passed() ? "" : " (" + String.join("; ", lesson.problems()) + ")"), lesson.passed()));
            }
        }
        return targets;
    }

    public boolean allTargetsMet() {
        return targets().stream().allMatch(Target::met);
    }
}
