package dev.tlkit.audio;

import java.util.Locale;
import java.util.Random;

/**
 * Background noise mixed into a clip at a signal-to-noise ratio: the power of the word (its voiced span, see
 * {@link Clip}) over the power of the noise, in decibels. Deterministic: clip {@code i} of a set always gets the
 * same noise for the same seed, so a noisy test set is as reproducible as a clean one.
 *
 * @param colour the kind of noise
 * @param snrDb  signal-to-noise ratio in dB: 20 is faint, 0 is as loud as the word, below 0 louder
 * @param seed   seeds the noise (with the clip's position in its set)
 */
public record Noise(Colour colour, double snrDb, long seed) {
    /** The kinds of noise: how its power spreads over the frequencies. */
    public enum Colour {
        /** Equal power at every frequency: a hiss, like a cheap microphone's own noise. */
        WHITE,
        /** Power falling with frequency (brown noise, 1/f²): a rumble, like traffic or wind. */
        RUMBLE
    }

    /** A leaky integrator rather than a pure random walk, so that the rumble never drifts far from zero. */
    private static final double RUMBLE_LEAK = 0.995;

    public Noise {
        if (colour == null) {
            throw new IllegalArgumentException("noise needs a colour: Noise.white(snrDb) or Noise.rumble(snrDb)");
        }
        if (!Double.isFinite(snrDb)) {
            throw new IllegalArgumentException("a signal-to-noise ratio must be a finite number of dB, got " + snrDb);
        }
    }

    /** A hiss at {@code snrDb} dB below the word. */
    public static Noise white(double snrDb) {
        return new Noise(Colour.WHITE, snrDb, 1);
    }

    /** A low rumble at {@code snrDb} dB below the word. */
    public static Noise rumble(double snrDb) {
        return new Noise(Colour.RUMBLE, snrDb, 1);
    }

    /** The same noise drawn with another seed. */
    public Noise seed(long newSeed) {
        return new Noise(colour, snrDb, newSeed);
    }

    /**
     * {@code sound} with this noise added, as clip number {@code index} of its set; samples beyond the 16-bit range
     * are clipped, as a recorder would. A silent clip gets no noise (it has no power to measure the ratio by).
     */
    public short[] mix(short[] sound, int index) {
        int[] span = Clip.voicedSpan(sound);
        double signalPower = 0;
        for (int i = span[0]; i <= span[1]; i++) {
            signalPower += (double) sound[i] * sound[i];
        }
        if (signalPower == 0) {
            return sound.clone();
        }
        signalPower /= span[1] - span[0] + 1;
        double[] noise = draw(sound.length, index);
        double noisePower = 0;
        for (double n : noise) {
            noisePower += n * n;
        }
        double scale = Math.sqrt(signalPower / Math.pow(10, snrDb / 10) / (noisePower / noise.length));
        short[] out = new short[sound.length];
        for (int i = 0; i < out.length; i++) {
            double v = sound[i] + scale * noise[i];
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
        }
        return out;
    }

    private double[] draw(int length, int index) {
        Random random = new Random(seed * 1_000_003L + index);
        double[] noise = new double[length];
        double level = 0;
        for (int i = 0; i < length; i++) {
            double g = random.nextGaussian();
            level = colour == Colour.WHITE ? g : RUMBLE_LEAK * level + g;
            noise[i] = level;
        }
        return noise;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s noise at %s dB", colour == Colour.WHITE ? "white" : "rumbling",
                snrDb == Math.rint(snrDb) ? Long.toString((long) snrDb) : Double.toString(snrDb));
    }
}
