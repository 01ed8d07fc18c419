package dev.tlkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSetTest {
    private static final List<String> NAMES = List.of("zero", "one", "two");

    /** Four 2x2 images; image i has all pixels equal to 10 * i; labels 0, 1, 2, 1. */
    private static ImageSet tiny() {
        byte[] pixels = new byte[16];
        for (int i = 0; i < 16; i++) {
            pixels[i] = (byte) (10 * (i / 4));
        }
        return ImageSet.of("tiny", pixels, 4, 2, 2, new int[] {0, 1, 2, 1}, NAMES);
    }

    @Test
    void rejectsAWrongShapeOrChannelCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of("rgb", new byte[4 * 2 * 2 * 3], 4, 2, 2, new int[4], NAMES));
        assertTrue(e.getMessage().contains("one grey-scale channel"), e.getMessage());
    }

    @Test
    void rejectsLabelsOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of("bad", new byte[8], 2, 2, 2, new int[] {0, 3}, NAMES));
        assertTrue(e.getMessage().contains("label 3 of image 1 is out of range"), e.getMessage());
    }

    @Test
    void countsAndSelects() {
        ImageSet set = tiny();
        assertArrayEquals(new int[] {1, 2, 1}, set.classCounts());
        ImageSet picked = set.select(new int[] {3, 0}, "picked");
        assertEquals(2, picked.size());
        assertEquals(1, picked.label(0));
        assertEquals(30, picked.pixel(0, 1, 1));
        assertEquals(3, set.classTable().rowCount());
    }

    @Test
    void onlyClassesRelabelsInTheGivenOrder() {
        ImageSet target = tiny().onlyClasses("target", 2, 1);
        assertEquals(List.of("two", "one"), target.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, target.labels());
        assertEquals(20, target.pixel(1, 0, 0));
    }

    @Test
    void convertsToAScaledFloatArray() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray array = tiny().toArray(manager);
            assertEquals(new Shape(4, 1, 2, 2), array.getShape());
            assertEquals(30 / 255f, array.get(3, 0, 1, 1).getFloat(), 1e-7);
            assertArrayEquals(new long[] {0, 1, 2, 1}, tiny().labelsArray(manager).toLongArray());
        }
    }

    @Test
    void pixelStatisticsAreOnAZeroToOneScale() {
        var stats = tiny().pixelStatistics();
        double mean = stats.doubleColumn("value").get(2);
        assertEquals(15 / 255.0, mean, 1e-12);
    }

    @Test
    void rotationClassesTurnEachImageAQuarterAtATime() {
        byte[] pixels = {1, 2, 3, 4}; // one 2x2 image: [1 2; 3 4]
        ImageSet rotated = ImageSet.of("one", pixels, 1, 2, 2, new int[] {1}, List.of("a", "b")).withRotationClasses("r");
        assertEquals(4, rotated.size());
        assertArrayEquals(new int[] {4, 5, 6, 7}, rotated.labels());
        assertEquals("b @90", rotated.classNames().get(5));
        // a clockwise quarter turn of [1 2; 3 4] is [3 1; 4 2]
        assertEquals(3, rotated.pixel(1, 0, 0));
        assertEquals(1, rotated.pixel(1, 0, 1));
        assertEquals(4, rotated.pixel(1, 1, 0));
        assertEquals(2, rotated.pixel(1, 1, 1));
        // two quarter turns: [4 3; 2 1]
        assertEquals(4, rotated.pixel(2, 0, 0));
        assertEquals(1, rotated.pixel(2, 1, 1));
    }

    @Test
    void augmentedCopiesKeepLabelsAndAreReproducible() {
        ImageSet set = tiny();
        ImageSet copies = ImageAugmentation.none().withNoise(0.1).copies(set, 3, 5);
        org.junit.jupiter.api.Assertions.assertEquals(12, copies.size());
        org.junit.jupiter.api.Assertions.assertEquals(set.label(2), copies.label(7));
        org.junit.jupiter.api.Assertions.assertEquals(copies.pixel(7, 1, 1), ImageAugmentation.none().withNoise(0.1).copies(set, 3, 5).pixel(7, 1, 1));
        ImageSet plain = ImageAugmentation.none().copies(set, 2, 5);
        org.junit.jupiter.api.Assertions.assertEquals(set.pixel(3, 0, 1), plain.pixel(7, 0, 1));
    }

    @Test
    void invertingAndRelabelling() {
        ImageSet set = tiny();
        ImageSet inverted = set.invert(new int[] {1}, "inv");
        org.junit.jupiter.api.Assertions.assertEquals(255 - set.pixel(1, 0, 0), inverted.pixel(1, 0, 0));
        org.junit.jupiter.api.Assertions.assertEquals(set.pixel(2, 0, 0), inverted.pixel(2, 0, 0));
        ImageSet relabelled = set.withLabels(new int[] {2, 2, 0, 0}, NAMES, "relabelled");
        org.junit.jupiter.api.Assertions.assertEquals(2, relabelled.label(1));
        assertThrows(IllegalArgumentException.class,
                () -> set.withLabels(new int[] {3, 0, 0, 0}, NAMES, "bad"));
        ImageSet shuffled = LabelShuffling.shuffle(set, 1, "shuffled");
        org.junit.jupiter.api.Assertions.assertArrayEquals(set.classCounts(), shuffled.classCounts());
        ImageSet gratings = SyntheticGratings.generate(16, 3, "g");
        org.junit.jupiter.api.Assertions.assertEquals(8, gratings.numClasses());
        org.junit.jupiter.api.Assertions.assertEquals(gratings.pixel(5, 3, 4), SyntheticGratings.generate(16, 3, "g").pixel(5, 3, 4));
    }

    @Test
    void plusKeepsTheClassesAndByDomainLabelsEachImageWithItsSet() {
        ImageSet a = tiny();
        ImageSet both = a.plus(tiny(), "both");
        assertEquals(8, both.size());
        assertEquals(NAMES, both.classNames());
        assertEquals(a.label(3), both.label(7));
        assertThrows(IllegalArgumentException.class,
                () -> a.plus(a.withLabels(new int[] {0, 0, 0, 0}, List.of("other"), "other"), "x"));
        ImageSet domains = ImageSet.byDomain(a, tiny().withLabels(new int[] {0, 1, 2, 1}, NAMES, "second"));
        assertEquals(List.of("tiny", "second"), domains.classNames());
        assertEquals(0, domains.label(3));
        assertEquals(1, domains.label(4));
    }
}
