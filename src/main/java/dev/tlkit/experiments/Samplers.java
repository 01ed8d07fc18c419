package dev.tlkit.experiments;

import dev.tlkit.data.LabelSampling;
import dev.tlkit.data.LabelledSet;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

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

    /**
     * The pool's first {@code always} examples in every trial (e.g. the source voices), plus k per class drawn
     * at random from the rest (e.g. a new speaker's clips): k = 0 trains on the first examples alone.
     */
    public static <S extends LabelledSet<S>> Experiment.Sampler<S> keepFirst(int always) {
        return (pool, k, seed) -> {
            if (always < 0 || always > pool.size()) {
                throw new IllegalArgumentException("cannot keep the first " + always + " of " + pool.size()
                        + " examples of " + pool.name());
            }
            int[] rest = IntStream.range(always, pool.size()).toArray();
            int[] drawn = k == 0 ? new int[0]
                    : LabelSampling.perClass(pool.select(rest).labels(), pool.numClasses(), k, seed);
            int[] train = IntStream.concat(IntStream.range(0, always), Arrays.stream(drawn).map(i -> rest[i])).toArray();
            return Experiment.Sample.of(pool, train, always + " kept + " + k + " per class of the rest (seed " + seed
                    + ")");
        };
    }
}
