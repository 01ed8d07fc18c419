package dev.tlkit.train;

import ai.djl.ndarray.types.Shape;
import dev.tlkit.data.ImageAugmentation;
import dev.tlkit.data.ImageSet;
import java.util.List;
import java.util.Random;

/** An {@link ImageSet} as training examples of shape (1, height, width), optionally augmented. */
public record ImageExamples(ImageSet images, ImageAugmentation augmentation) implements Examples {

    public static ImageExamples of(ImageSet images) {
        return new ImageExamples(images, ImageAugmentation.none());
    }

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
    public void copy(int index, float[] dest, int offset, Random random) {
        augmentation.apply(images, index, dest, offset, random);
    }
}
