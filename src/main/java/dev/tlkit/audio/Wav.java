package dev.tlkit.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** 16-bit mono PCM in and out of bytes (the JDK's javax.sound writes the WAV container). */
final class Wav {
    private Wav() {
    }

    /** A WAV file of {@code samples} at {@code rate} per second. */
    static byte[] encode(short[] samples, int rate) {
        ByteBuffer pcm = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        pcm.asShortBuffer().put(samples);
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, samples.length)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(44 + pcm.capacity());
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a WAV file", e);
        }
    }

    /** Raw little-endian signed 16-bit samples (what sox writes with {@code -t raw -e signed -b 16 -L}). */
    static short[] fromRaw(byte[] raw) {
        short[] samples = new short[raw.length / 2];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }
}
