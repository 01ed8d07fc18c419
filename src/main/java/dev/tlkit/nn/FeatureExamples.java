package dev.tlkit.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tlkit.data.FeatureSet;
import java.util.List;
import java.util.Random;

/** Cached feature vectors as examples of shape (dimension), or of {@code shape} (cached activations of a layer). */
record FeatureExamples(FeatureSet features, Shape shape) implements Examples {

    FeatureExamples {
        if (shape.size() != features.dimension()) {
            throw new IllegalArgumentException("vectors of " + features.dimension() + " numbers cannot be read as " + shape);
        }
    }

    @Override
    public int size() {
        return features.size();
    }

    @Override
    public Shape exampleShape() {
        return shape;
    }

    @Override
    public int label(int index) {
        return features.label(index);
    }

    @Override
    public List<String> classNames() {
        return features.classNames();
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices, Random random) {
        int d = features.dimension();
        float[] x = new float[indices.length * d];
        for (int i = 0; i < indices.length; i++) {
            features.copyVector(indices[i], x, i * d);
        }
        return new NDList(manager.create(x, new Shape(indices.length).addAll(shape)));
    }
}
