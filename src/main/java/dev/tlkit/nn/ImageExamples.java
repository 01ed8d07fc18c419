package dev.tlkit.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tlkit.data.ImageAugmentation;
import dev.tlkit.data.ImageSet;
import java.util.List;
import java.util.Random;

/** An {@link ImageSet} as examples of shape (1, height, width), optionally augmented. */
record ImageExamples(ImageSet images, ImageAugmentation augmentation) implements Examples {

    @Override
    public int size() {
        return images.size();
    }

    @Override
    public Shape exampleShape() {
        return new Shape(1, images.height(), images.width());
    }

    @Override
    public int label(int index) {
        return images.label(index);
    }

    @Override
    public List<String> classNames() {
        return images.classNames();
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices, Random random) {
        if (augmentation.isNone()) {
            return new NDList(images.toArray(manager, indices));
        }
        int n = images.height() * images.width();
        float[] x = new float[indices.length * n];
        for (int i = 0; i < indices.length; i++) {
            augmentation.apply(images, indices[i], x, i * n, random);
        }
        return new NDList(manager.create(x, new Shape(indices.length).addAll(exampleShape())));
    }
}
