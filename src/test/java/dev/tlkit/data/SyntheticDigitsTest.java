package dev.tlkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Rendered digits: deterministic, balanced, and normalised the way MNIST is. */
class SyntheticDigitsTest {
    private static final SyntheticDigits DIGITS = SyntheticDigits.withManifestFonts();

    @Test
    void theSameSeedGivesTheSameDigitsAndAnotherSeedOthers() {
        ImageSet a = DIGITS.generate(50, 3, SyntheticDigits.Variation.DISTORTED, "a");
        ImageSet b = DIGITS.generate(50, 3, SyntheticDigits.Variation.DISTORTED, "b");
        ImageSet c = DIGITS.generate(50, 4, SyntheticDigits.Variation.DISTORTED, "c");
        assertArrayEquals(pixels(a), pixels(b));
        assertFalse(Arrays.equals(pixels(a), pixels(c)));
        assertFalse(Arrays.equals(pixels(a), pixels(DIGITS.generate(50, 3, SyntheticDigits.Variation.FONTS_ONLY, "d"))),
                "the distortions must change the digits");
    }

    @Test
    void classesComeInTurnWithMnistsNames() {
        ImageSet digits = DIGITS.generate(40, 1, SyntheticDigits.Variation.FONTS_ONLY, "digits");
        assertEquals(Mnist.CLASS_NAMES, digits.classNames());
        for (int i = 0; i < digits.size(); i++) {
            assertEquals(i % 10, digits.label(i));
        }
        assertEquals(42, DIGITS.fontNames().size(), "the manifest's fonts");
    }

    @Test
    void eachDigitFitsA20PixelBoxCentredByItsMassWithSaturatedInk() {
        ImageSet digits = DIGITS.generate(200, 5, SyntheticDigits.Variation.DISTORTED, "digits");
        for (int i = 0; i < digits.size(); i++) {
            int top = 28;
            int bottom = -1;
            int left = 28;
            int right = -1;
            double mass = 0;
            double rows = 0;
            double cols = 0;
            int brightest = 0;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int v = digits.pixel(i, y, x);
                    if (v > 0) {
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                    }
                    mass += v;
                    rows += v * y;
                    cols += v * x;
                    brightest = Math.max(brightest, v);
                }
            }
            assertTrue(bottom - top < 20 && right - left < 20, "digit " + i + " is larger than 20x20");
            assertTrue(Math.abs(rows / mass - 13.5) <= 1 && Math.abs(cols / mass - 13.5) <= 1,
                    "digit " + i + "'s centre of mass is off the middle: " + rows / mass + ", " + cols / mass);
            assertEquals(255, brightest, "digit " + i + ": the ink saturates, as MNIST's does");
        }
    }

    private static byte[] pixels(ImageSet set) {
        byte[] out = new byte[set.size() * 784];
        for (int i = 0; i < set.size(); i++) {
            for (int p = 0; p < 784; p++) {
                out[i * 784 + p] = (byte) set.pixel(i, p / 28, p % 28);
            }
        }
        return out;
    }
}
