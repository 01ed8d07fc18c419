package dev.tlkit.audio;

/**
 * One spoken word: 16 kHz mono samples (16-bit, as a WAV file holds them), the word and who said it.
 *
 * @param word    what is said, e.g. "yes"
 * @param voice   who said it
 * @param samples signed 16-bit samples at {@link #RATE} per second
 */
public record Clip(String word, Voice voice, short[] samples) {
    /** Samples per second: what the speech embedding was trained on. */
    public static final int RATE = 16_000;

    /** Seconds of sound. */
    public double seconds() {
        return samples.length / (double) RATE;
    }

    /** The samples as floats on the int16 scale (-32768..32767), which the speech embedding's front end expects. */
    public float[] floats() {
        float[] out = new float[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[i];
        }
        return out;
    }

    /**
     * Where the word is: the first and last sample above 2% of the loudest ({@code {0, -1}} for silence). The
     * silence around a word belongs to no one, so centring and signal-to-noise ratios measure only this span.
     */
    static int[] voicedSpan(short[] sound) {
        int peak = 0;
        for (short s : sound) {
            peak = Math.max(peak, Math.abs(s));
        }
        if (peak == 0) {
            return new int[] {0, -1};
        }
        int threshold = Math.max(1, peak / 50);
        int first = 0;
        while (Math.abs(sound[first]) < threshold) {
            first++;
        }
        int last = sound.length - 1;
        while (Math.abs(sound[last]) < threshold) {
            last--;
        }
        return new int[] {first, last};
    }

    @Override
    public String toString() {
        return "\"" + word + "\" by " + voice;
    }
}
