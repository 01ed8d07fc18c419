package dev.tlkit.models;

import dev.tlkit.data.ImageSet;
import java.awt.image.BufferedImage;

/**
 * A convolutional image backbone, whatever its size and whatever images it was trained on: besides
 * fine-tuning it shows what it computes (its activations, the feature maps before pooling that class
 * activation maps weigh) and what it costs (multiply-adds per image). It reads the kit's 28x28 grey images;
 * a backbone made for larger or colour images resizes them itself.
 */
public interface ImageBackbone extends FineTunable<ImageSet> {

    /** Multiply-adds of one image's forward pass through the backbone: its cost, counted. */
    long multiplyAdds();

    /** The activations of image {@code index} after block {@code block} (0-based): shape (channels, h, w). */
    float[][][] activations(ImageSet images, int index, int block);

    /**
     * The last feature maps before global average pooling, for image {@code index}: shape (features, h, w).
     * Their spatial mean is the image's feature vector.
     */
    float[][][] spatialFeatures(ImageSet images, int index);

    /** The first layer's filters as pictures (grey or colour, as the network reads), {@code columns} per row. */
    BufferedImage filterPicture(int columns, int scale);

    @Override
    ImageBackbone freeze();

    @Override
    ImageBackbone unfreeze();

    @Override
    ImageBackbone unfreezeTop(int k);

    @Override
    ImageBackbone copy();
}
