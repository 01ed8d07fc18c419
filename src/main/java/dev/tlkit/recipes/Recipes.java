package dev.tlkit.recipes;

import dev.tlkit.data.ImageSet;
import dev.tlkit.data.LabelledSet;
import dev.tlkit.models.Architecture;
import dev.tlkit.models.FeatureExtractor;
import dev.tlkit.models.FineTunable;
import dev.tlkit.models.VisionBackbone;
import java.util.function.Function;

/**
 * The ways of reusing a pre-trained model that the lessons compare, each with named defaults (see
 * {@link FineTune} and {@link Probe}) that a lesson may change fluently:
 * <pre>{@code
 * probe(backbone)                         // frozen backbone + linear head on cached features
 * fineTuneTop(backbone, 1)                // open the top block, train it and a new head
 * fineTuneAll(backbone).learningRate(3e-3).cosineDecay()
 * scratch()                               // the kit's CNN from random weights, everything trained
 * }</pre>
 * The source model is never changed: fine-tuning trains a copy.
 */
public final class Recipes {
    private Recipes() {
    }

    /** A linear probe on the frozen features of {@code model}. */
    public static <S extends LabelledSet<S>> Probe<S> probe(FeatureExtractor<S> model) {
        return probe(Source.of(model));
    }

    /** A linear probe on the frozen features of the source's model (one per seed, if the source says so). */
    public static <S extends LabelledSet<S>> Probe<S> probe(Source<? extends FeatureExtractor<S>> source) {
        return Probe.on(source);
    }

    /**
     * A linear probe on features fitted to each run's training examples, e.g.
     * {@code probeFitted("bag of words", BagOfWords::fit)}: the vocabulary comes from the labelled sentences only.
     */
    public static <S extends LabelledSet<S>> Probe<S> probeFitted(String name,
                                                                  Function<S, ? extends FeatureExtractor<S>> fit) {
        return Probe.fittedOn(name, fit);
    }

    /** Fine-tunes every block of a copy of {@code model}, with a new head. */
    public static <S extends LabelledSet<S>> FineTune<S> fineTuneAll(FineTunable<S> model) {
        return fineTuneAll(Source.of(model));
    }

    public static <S extends LabelledSet<S>> FineTune<S> fineTuneAll(Source<? extends FineTunable<S>> source) {
        return new FineTune<>(source, "fine-tune all", FineTune.ALL);
    }

    /** Fine-tunes the top {@code blocks} blocks of a copy of {@code model} and a new head; the rest stays frozen. */
    public static <S extends LabelledSet<S>> FineTune<S> fineTuneTop(FineTunable<S> model, int blocks) {
        return fineTuneTop(Source.of(model), blocks);
    }

    public static <S extends LabelledSet<S>> FineTune<S> fineTuneTop(Source<? extends FineTunable<S>> source,
                                                                    int blocks) {
        if (blocks < 0) {
            throw new IllegalArgumentException("open at least 0 blocks, got " + blocks);
        }
        return new FineTune<>(source, "fine-tune top " + blocks, blocks);
    }

    /**
     * {@code method} trained on each trial's real images mixed with {@code extra} labelled images (the real ones
     * repeated to half of the mix), e.g. {@code mixedWith(scratch(), syntheticDigits)}.
     */
    public static Mixed mixedWith(Method<ImageSet> method, ImageSet extra) {
        return new Mixed(method, extra, 0.5);
    }

    /** The kit's CNN trained from random weights (a new draw per seed): the baseline transfer must beat. */
    public static FineTune<ImageSet> scratch() {
        return scratch(VisionBackbone.smallCnn());
    }

    /** {@code architecture} trained from random weights, everything trained. */
    public static <S extends LabelledSet<S>> FineTune<S> scratch(Architecture<S> architecture) {
        return new FineTune<>(Source.randomInit(architecture), "from scratch", FineTune.ALL);
    }
}
