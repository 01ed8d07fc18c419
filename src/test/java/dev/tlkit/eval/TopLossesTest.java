package dev.tlkit.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.data.FashionMnist;
import dev.tlkit.data.ImageSet;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TopLossesTest {

    /** Predictions for the first {@code n} images: always class 0, confident, so every other label is a loss. */
    private static Predictions alwaysClassZero(ImageSet images) {
        float[][] probabilities = new float[images.size()][images.numClasses()];
        for (float[] row : probabilities) {
            row[0] = 0.91f;
            for (int c = 1; c < row.length; c++) {
                row[c] = 0.01f;
            }
        }
        return new Predictions(images.labels(), probabilities, images.classNames());
    }

    @Test
    void topLossesAreTheConfidentMistakes() {
        ImageSet images = FashionMnist.test().head(20);
        Predictions predictions = alwaysClassZero(images);
        int[] worst = predictions.topLosses(4);
        for (int i : worst) {
            assertTrue(images.label(i) != 0, "a correct prediction is not a top loss");
        }
        BufferedImage grid = predictions.topLosses(images, 4, 2);
        assertEquals(4 * (28 * 2 + 6) + 6, grid.getWidth(), "4 images in one row");
        assertArrayEquals(worst, predictions.topLosses(4), "the order is stable");
    }

    @Test
    void predictionsForOtherImagesAreRefused() {
        ImageSet images = FashionMnist.test().head(20);
        Predictions predictions = alwaysClassZero(images.head(10));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> predictions.topLosses(images, 4, 2));
        assertTrue(error.getMessage().contains("same images"), error.getMessage());
    }
}
