package dev.tlkit.bias;

import dev.tlkit.data.ImageSet;
import dev.tlkit.experiments.Experiment;
import dev.tlkit.models.VisionBackbone;
import dev.tlkit.recipes.Source;

/**
 * The bias lesson's pre-trained sources and its way of drawing target data. Each kind of source was
 * pre-trained three times (seeds 1-3, shipped with the kit as {@code bias-<kind>-<seed>}), so a run with seed s
 * uses the backbone pre-trained with seed s: the spread of the results includes the spread of pre-training.
 */
public final class BiasSources {
    /** The kinds of pre-training data: 2 % inverted, half inverted, the skewed data drawn group-balanced. */
    public static final String SKEWED = "skewed";
    public static final String BALANCED = "balanced";
    public static final String REBALANCED = "rebalanced";
    /** Seeds 1..SEEDS were pre-trained. */
    public static final int SEEDS = 3;

    private BiasSources() {
    }

    /** The name of the backbone of {@code kind} pre-trained with {@code seed}, e.g. "bias-skewed-1". */
    public static String name(String kind, long seed) {
        if (seed < 1 || seed > SEEDS) {
            throw new IllegalArgumentException("the bias sources were pre-trained with seeds 1 to " + SEEDS + ", not " + seed);
        }
        return "bias-" + kind + "-" + seed;
    }

    /** The frozen backbones of {@code kind}, the one pre-trained with the run's seed for each run. */
    public static Source<VisionBackbone> pretrained(String kind) {
        return Source.perSeed("bias-" + kind, seed -> VisionBackbone.load(name(kind, seed)).freeze());
    }

    /**
     * k labelled images per class of the pool, with {@code invertedShare} of them inverted (group B), chosen with
     * the seed: e.g. 0.5 for target data balanced between the groups.
     */
    public static Experiment.Sampler<ImageSet> groupedSample(double invertedShare) {
        return (pool, k, seed) -> Experiment.Sample.of(GroupedImages.withInvertedShare(pool.samplePerClass(k, seed),
                invertedShare, seed, "target train, seed " + seed).images());
    }
}
