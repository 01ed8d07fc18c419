package dev.tlkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import dev.tlkit.data.ImageSet;
import dev.tlkit.models.VisionBackbone;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wrong inputs fail before any training step, with a message that says what is wrong and what to do:
 * images of the wrong size or channel count, labels out of range, more labels per class than exist, and
 * a head with fewer outputs than the data has classes. The network is left untouched.
 */
class InputValidationTest {
    private static final List<String> THREE = List.of("a", "b", "c");

    @Test
    void imagesOfTheWrongSizeAreRefusedByTheBackbone() {
        ImageSet big = ImageSet.of("32x32 photos", new byte[2 * 32 * 32], 2, 32, 32, new int[] {0, 1}, THREE);
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backbone.features(big));
            assertTrue(e.getMessage().contains("takes 28x28 grey-scale images, but 32x32 photos holds 32x32 images"),
                    e.getMessage());
        }
    }

    @Test
    void imagesOfTheWrongSizeAreRefusedBeforeTheFirstStep() {
        ImageSet big = ImageSet.of("32x32 photos", new byte[2 * 32 * 32], 2, 32, 32, new int[] {0, 1}, THREE);
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 1); Network net = backbone.withNewHead(3, 1)) {
            byte[] before = net.parameterBytes();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Fit.of(net).quietly().on(Examples.of(big)));
            assertTrue(e.getMessage().contains("expects examples of shape (1, 28, 28)"), e.getMessage());
            assertArrayEquals(before, net.parameterBytes(), "the network must be untouched");
        }
    }

    @Test
    void colourImagesAreRefusedWithTheChannelCount() {
        byte[] rgb = new byte[2 * 3 * 28 * 28];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of("colour", rgb, 2, 28, 28, new int[] {0, 1}, THREE));
        assertTrue(e.getMessage().contains("one grey-scale channel per image is expected"), e.getMessage());
    }

    @Test
    void labelsOutOfRangeAreRefused() {
        IllegalArgumentException images = assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of("demo", new byte[2 * 28 * 28], 2, 28, 28, new int[] {0, 3}, THREE));
        assertTrue(images.getMessage().contains("label 3 of image 1 is out of range: there are 3 classes"),
                images.getMessage());
        IllegalArgumentException features = assertThrows(IllegalArgumentException.class,
                () -> new FeatureSet("features", new float[][] {{1}, {2}}, new int[] {-1, 0}, THREE));
        assertTrue(features.getMessage().contains("label -1 of feature vector 0 is out of range"), features.getMessage());
    }

    @Test
    void featureVectorsOfDifferentLengthsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FeatureSet("features", new float[][] {{1, 2}, {3}}, new int[] {0, 1}, THREE));
        assertTrue(e.getMessage().contains("feature vector 1 has 1 numbers but vector 0 has 2"), e.getMessage());
    }

    @Test
    void moreLabelsPerClassThanExistIsRefused() {
        ImageSet images = ImageSet.of("demo", new byte[6 * 28 * 28], 6, 28, 28, new int[] {0, 0, 0, 1, 1, 2}, THREE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> images.samplePerClass(2, 1));
        assertTrue(e.getMessage().contains("class 2 has only 1 examples; cannot take 2 per class"), e.getMessage());
    }

    @Test
    void aHeadWithTooFewOutputsIsRefusedBeforeTheFirstStep() {
        ImageSet images = ImageSet.of("demo", new byte[3 * 28 * 28], 3, 28, 28, new int[] {0, 1, 2}, THREE);
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 1); Network net = backbone.withNewHead(2, 1)) {
            byte[] before = net.parameterBytes();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Fit.of(net).quietly().on(Examples.of(images)));
            assertTrue(e.getMessage().contains("has 3 classes but") && e.getMessage().contains("has only 2 outputs")
                    && e.getMessage().contains("withNewHead(3, seed)"), e.getMessage());
            assertArrayEquals(before, net.parameterBytes(), "the network must be untouched");
        }
    }
}
