package dev.tlkit.recipes;

import dev.tlkit.models.Architecture;
import dev.tlkit.models.FeatureExtractor;
import dev.tlkit.models.FineTunable;
import java.util.function.LongFunction;

/**
 * What a method starts from: one pre-trained model shared by every run (fine-tuning copies it first), a model
 * of its own for every seed (loaded for the run and closed after it), or an architecture with random weights.
 *
 * @param perRun true when {@link #open} makes a new model each time, which the run closes
 */
public record Source<B extends FeatureExtractor<?>>(String name, LongFunction<B> open, boolean perRun) {

    /** One model for every run. */
    public static <B extends FeatureExtractor<?>> Source<B> of(B model) {
        return new Source<>(model.name(), seed -> model, false);
    }

    /** A model of its own for every seed, e.g. a backbone pre-trained with that seed. */
    public static <B extends FeatureExtractor<?>> Source<B> perSeed(String name, LongFunction<B> load) {
        return new Source<>(name, load, true);
    }

    /** A new network with random weights for every seed: what training from scratch starts from. */
    public static <S> Source<FineTunable<S>> randomInit(Architecture<S> architecture) {
        return new Source<>(architecture.name(), architecture::randomInit, true);
    }
}
