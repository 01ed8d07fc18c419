package dev.tlkit.experiments;

import dev.tlkit.data.LabelSampling;
import dev.tlkit.data.LabelledSet;
import java.util.Arrays;
import java.util.Optional;

/** Ways to draw an experiment's training examples besides k per class (the default). */
public final class Samplers {
    private Samplers() {
    }

    /**
     * k training examples per class and, disjoint from them, {@code validationPerClass} validation examples per
     * class (for early stopping): k + v examples per class are drawn, the first k of each class train.
     */
    public static <S extends LabelledSet<S>> Experiment.Sampler<S> withValidation(int validationPerClass) {
        return (pool, k, seed) -> {
            int[] drawn = LabelSampling.perClass(pool.labels(), pool.numClasses(), k + validationPerClass, seed);
            int[] seen = new int[pool.numClasses()];
            int[] train = new int[k * pool.numClasses()];
            int[] validation = new int[validationPerClass * pool.numClasses()];
            int t = 0;
            int v = 0;
            for (int i : drawn) {
                if (seen[pool.label(i)]++ < k) {
                    train[t++] = i;
                } else {
                    validation[v++] = i;
                }
            }
            return new Experiment.Sample<>(pool.select(train, k + " labels per class (seed " + seed + ")"),
                    Optional.of(Arrays.copyOf(train, t)), Optional.of(pool.select(validation,
                            "validation, " + validationPerClass + " per class (seed " + seed + ")")));
        };
    }
}
