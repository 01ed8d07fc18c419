package dev.tlkit.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlkit.data.ImageSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupedImagesTest {
    private static ImageSet tiny(int n) {
        byte[] pixels = new byte[n * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        return ImageSet.of("tiny", pixels, n, 2, 2, new int[n], List.of("only"));
    }

    @Test
    void bothVersionsHoldEveryImageAsIsAndInverted() {
        ImageSet set = tiny(3);
        GroupedImages both = GroupedImages.bothVersions(set, "both");
        assertEquals(6, both.size());
        assertEquals(List.of(GroupedImages.NORMAL, GroupedImages.INVERTED), both.groupNames());
        for (int i = 0; i < 3; i++) {
            assertEquals(set.pixel(i, 1, 0), both.images().pixel(i, 1, 0));
            assertEquals(255 - set.pixel(i, 1, 0), both.images().pixel(3 + i, 1, 0));
        }
        assertEquals(3, both.indicesOf(GroupedImages.INVERTED).length);
    }

    @Test
    void aShareOfImagesIsInvertedReproducibly() {
        GroupedImages mixed = GroupedImages.withInvertedShare(tiny(1000), 0.02, 5, "mixed");
        int[] inverted = mixed.indicesOf(GroupedImages.INVERTED);
        assertEquals(20, inverted.length);
        assertEquals(255 - tiny(1000).pixel(inverted[0], 0, 1), mixed.images().pixel(inverted[0], 0, 1));
        assertEquals(java.util.Arrays.toString(inverted),
                java.util.Arrays.toString(GroupedImages.withInvertedShare(tiny(1000), 0.02, 5, "again").indicesOf(GroupedImages.INVERTED)));
        assertEquals("2.0%", mixed.groupTable().stringColumn("share").get(1));
        assertThrows(IllegalArgumentException.class, () -> GroupedImages.withInvertedShare(tiny(3), 1.5, 1, "x"));
    }
}
