package dev.tlkit.models;

import dev.tlkit.train.FeatureSet;
import dev.tlkit.train.Network;

/**
 * A pre-trained network reused for a new task, whatever it reads: images ({@link VisionBackbone})
 * or sentences ({@link SentenceEncoder}). Every backbone turns its inputs into feature vectors, can be
 * frozen or opened block by block from the top, counts what training may change, and takes a new head.
 *
 * @param <I> what the backbone reads, e.g. {@code ImageSet} or {@code SentenceSet}
 */
public interface Backbone<I> extends AutoCloseable {

    String name();

    /** How many numbers {@link #features} gives per input. */
    int featureSize();

    /** Runs the backbone once over {@code inputs} (inference mode): the feature cache for a linear probe. */
    FeatureSet features(I inputs);

    /** How many blocks {@link #unfreezeTop} can open (stages, transformer layers, ...). */
    int blockCount();

    /** Freezes every block: training changes nothing in the backbone. */
    Backbone<I> freeze();

    /** Makes every block trainable (fine-tuning). */
    Backbone<I> unfreeze();

    /** Freezes the lower blocks and makes the top {@code k} trainable (0: all frozen). */
    Backbone<I> unfreezeTop(int k);

    /** Parameters that training may change now (0 when frozen). */
    long trainableParameters();

    /** The backbone followed by a new linear head for {@code classes} classes, initialised from {@code seed}. */
    Network withNewHead(int classes, long seed);

    @Override
    void close();
}
