package dev.tlkit.models;

import ai.djl.ndarray.types.Shape;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.nn.Network;

/**
 * A fine-tunable network whose lower blocks, when frozen, compute the same activations for an input every time:
 * they can run once and be cached, and fine-tuning the top blocks then trains on the cached activations — the
 * feature cache idea applied to partial fine-tuning. The result is the same as running the whole network every
 * step (frozen blocks run in inference mode), at a fraction of the work.
 *
 * @param <S> the sets it reads
 */
public interface SplitTunable<S> extends FineTunable<S> {

    /** The activations that enter the top {@code k} blocks, one flattened vector per input, in inference mode. */
    FeatureSet activationsBelowTop(S inputs, int k);

    /** The shape of one input's activations entering the top {@code k} blocks, e.g. (64, 6, 6). */
    Shape shapeBelowTop(int k);

    /**
     * The top {@code k} blocks (this model's own, so training them trains this model) followed by a new linear head
     * for {@code classes} classes: a network that reads {@link #activationsBelowTop}.
     */
    Network topWithNewHead(int k, int classes, long seed);
}
