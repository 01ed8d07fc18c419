package dev.tlkit.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.ImageAugmentation;
import dev.tlkit.data.ImageSet;
import java.util.List;
import java.util.Random;

/**
 * Labelled examples as a network reads them, batch by batch: images, cached feature vectors, token ids of
 * sentences, audio frames. The training loop, predictions and feature extraction all ask for batches here.
 */
public interface Examples {
    int size();

    int label(int index);

    List<String> classNames();

    /**
     * The shape of one example's input, e.g. (1, 28, 28) for an image or (128) for a feature vector; a
     * dimension of -1 varies from batch to batch (the length of a sentence).
     */
    Shape exampleShape();

    /** The network's input for the examples at {@code indices}; {@code random} is for augmentation. */
    NDList inputs(NDManager manager, int[] indices, Random random);

    /**
     * The order inference walks the examples in (results come back in the examples' own order): as given, or, for
     * sentences, shortest first so each batch needs little padding.
     */
    default int[] inferenceOrder() {
        return Batches.range(size());
    }

    /** Examples per inference batch ({@link Batches#INFERENCE} unless the inputs need smaller batches). */
    default int inferenceBatch() {
        return Batches.INFERENCE;
    }

    default int numClasses() {
        return classNames().size();
    }

    default int[] labels() {
        int[] labels = new int[size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(i);
        }
        return labels;
    }

    /** Images of shape (1, height, width), scaled to [0, 1]. */
    static Examples of(ImageSet images) {
        return new ImageExamples(images, ImageAugmentation.none());
    }

    /** Images, each drawn anew with {@code augmentation} every time it is batched. */
    static Examples of(ImageSet images, ImageAugmentation augmentation) {
        return new ImageExamples(images, augmentation);
    }

    /** Cached feature vectors. */
    static Examples of(FeatureSet features) {
        return new FeatureExamples(features, new Shape(features.dimension()));
    }

    /** Cached activations of a layer, each vector read as one example of {@code shape} (e.g. channels, h, w). */
    static Examples of(FeatureSet activations, Shape shape) {
        return new FeatureExamples(activations, shape);
    }
}
