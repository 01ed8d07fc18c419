package dev.tlkit.train;

import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Labelled examples a training loop can batch: images, or features cached from a frozen backbone.
 * Example {@code i} is {@link #exampleShape()} floats written by {@link #copy}.
 */
public interface Examples {
    int size();

    /** The shape of one example, e.g. (1, 28, 28) for an image or (128) for a feature vector. */
    Shape exampleShape();

    int label(int index);

    List<String> classNames();

    /** Writes example {@code index} into {@code dest} from {@code offset}; {@code random} is for augmentation. */
    void copy(int index, float[] dest, int offset, java.util.Random random);

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
}
