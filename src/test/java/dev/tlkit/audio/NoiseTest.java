package dev.tlkit.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseTest {
    private static final Voice VOICE = Voice.espeak("en-us", "American English", 50, 160);

    /** A 440 Hz tone in the middle of silence: a "word" whose power is known. */
    private static short[] tone(int length, int amplitude) {
        short[] sound = new short[length];
        for (int i = length / 4; i < 3 * length / 4; i++) {
            sound[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * 440 * i / Clip.RATE));
        }
        return sound;
    }

    private static double power(double[] x) {
        return Arrays.stream(x).map(v -> v * v).average().orElseThrow();
    }

    private static double[] difference(short[] a, short[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    @Test
    void theNoiseHasTheRatioAskedForOverTheVoicedSpan() {
        short[] word = tone(16_000, 8_000);
        int[] span = Clip.voicedSpan(word);
        double[] voiced = new double[span[1] - span[0] + 1];
        for (int i = 0; i < voiced.length; i++) {
            voiced[i] = word[span[0] + i];
        }
        for (Noise noise : List.of(Noise.white(10), Noise.rumble(0), Noise.white(-5))) {
            double noisePower = power(difference(noise.mix(word, 3), word));
            double snr = 10 * Math.log10(power(voiced) / noisePower);
            assertEquals(noise.snrDb(), snr, 0.05, noise.toString());
        }
    }

    @Test
    void theSameSeedAndPositionGiveTheSameNoise() {
        short[] word = tone(4_000, 5_000);
        assertArrayEquals(Noise.white(5).mix(word, 2), Noise.white(5).mix(word, 2));
        assertFalse(Arrays.equals(Noise.white(5).mix(word, 2), Noise.white(5).mix(word, 3)), "another clip");
        assertFalse(Arrays.equals(Noise.white(5).mix(word, 2), Noise.white(5).seed(9).mix(word, 2)), "another seed");
    }

    @Test
    void rumbleIsLowPitchedAndWhiteNoiseIsNot() {
        short[] silence = new short[8_000];
        silence[4_000] = 10_000;
        // a unit impulse as the "word" (power 1e8 over one sample): the noise fills the clip
        for (Noise noise : List.of(Noise.white(40), Noise.rumble(40))) {
            double[] n = difference(noise.mix(silence, 0), silence);
            double[] steps = new double[n.length - 1];
            for (int i = 0; i < steps.length; i++) {
                steps[i] = n[i + 1] - n[i];
            }
            // white noise: neighbours independent, steps carry twice the power; rumble: neighbours almost equal
            double ratio = power(steps) / power(n);
            assertTrue(noise.colour() == Noise.Colour.WHITE ? ratio > 1.8 : ratio < 0.1, noise + ": " + ratio);
        }
    }

    @Test
    void loudNoiseIsClippedToSixteenBitsAndSilenceStaysSilent() {
        short[] loud = tone(4_000, 30_000);
        short[] noisy = Noise.white(-20).mix(loud, 0);
        assertTrue(Arrays.stream(toInts(noisy)).anyMatch(s -> s == Short.MAX_VALUE), "clipped, not wrapped around");
        assertArrayEquals(new short[100], Noise.white(0).mix(new short[100], 0));
    }

    private static int[] toInts(short[] s) {
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i];
        }
        return out;
    }

    @Test
    void aNoisySetKeepsItsWordsAndVoices() {
        ClipSet clean = new ClipSet("words", List.of(new Clip("yes", VOICE, tone(2_000, 4_000)),
                new Clip("no", VOICE, tone(2_000, 3_000))), List.of("yes", "no"));
        ClipSet noisy = clean.withNoise(Noise.rumble(10));
        assertEquals("words, rumbling noise at 10 dB", noisy.name());
        assertArrayEquals(clean.labels(), noisy.labels());
        assertEquals(clean.voices(), noisy.voices());
        assertArrayEquals(Noise.rumble(10).mix(clean.clip(1).samples(), 1), noisy.clip(1).samples());
        assertThrows(IllegalArgumentException.class, () -> new Noise(Noise.Colour.WHITE, Double.NaN, 1));
    }
}
