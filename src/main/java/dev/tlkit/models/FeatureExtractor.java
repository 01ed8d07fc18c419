package dev.tlkit.models;

import dev.tlkit.data.FeatureSet;

/**
 * A pre-trained model used frozen: it turns each input (an image, a sentence, an audio clip) into a vector
 * of {@link #featureSize()} numbers. A linear probe trains on those vectors.
 *
 * @param <S> the sets it reads, e.g. {@code ImageSet}, {@code SentenceSet}, {@code ClipSet}
 */
public interface FeatureExtractor<S> extends AutoCloseable {

    String name();

    /** How many numbers {@link #features} gives per input. */
    int featureSize();

    /** Runs the model once over {@code inputs} (inference mode): the feature cache for a linear probe. */
    FeatureSet features(S inputs);

    @Override
    void close();
}
