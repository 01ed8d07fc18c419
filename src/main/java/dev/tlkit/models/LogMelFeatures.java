package dev.tlkit.models;

import dev.tlkit.audio.Clip;
import dev.tlkit.audio.ClipSet;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.ImageSet;
import dev.tlkit.viz.ImageGrid;
import dev.tlkit.viz.Pictures;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline without pre-training: the clip's log-mel spectrogram itself, the speech embedding's input. As
 * features, its 32 mel bins averaged over {@link #SLICES} stretches of time (a coarse picture of the word); as
 * pictures ({@link #images}), 28x28 for a CNN trained from scratch.
 */
public final class LogMelFeatures implements FeatureExtractor<ClipSet> {
    /** Stretches of time the features average over. */
    public static final int SLICES = 8;
    /** Log-mel values (after openWakeWord's scaling) mapped to black and white in {@link #images}. */
    private static final float BLACK = 3.5f;
    private static final float WHITE = 11.5f;

    private final MelSpectrogram mel;
    /** Spectrograms by clip: every experiment reads the same clips many times, and the mel model is the cost. */
    private final Map<Clip, float[][]> frames = new ConcurrentHashMap<>();

    private LogMelFeatures(MelSpectrogram mel) {
        this.mel = mel;
    }

    /** Loads the mel front end from the npm package fetched at set-up. */
    public static LogMelFeatures load() {
        return new LogMelFeatures(MelSpectrogram.load());
    }

    @Override
    public String name() {
        return "log-mel features";
    }

    @Override
    public int featureSize() {
        return SLICES * MelSpectrogram.BINS;
    }

    /** The clip's log-mel frames, {@code [frames][32]}. */
    public float[][] frames(Clip clip) {
        return frames.computeIfAbsent(clip, mel::frames);
    }

    @Override
    public FeatureSet features(ClipSet clips) {
        float[][] vectors = new float[clips.size()][];
        for (int i = 0; i < vectors.length; i++) {
            float[][] pooled = pool(frames(clips.clip(i)), SLICES, MelSpectrogram.BINS);
            vectors[i] = new float[featureSize()];
            for (int s = 0; s < SLICES; s++) {
                System.arraycopy(pooled[s], 0, vectors[i], s * MelSpectrogram.BINS, MelSpectrogram.BINS);
            }
        }
        return FeatureSet.of(clips, vectors);
    }

    /** The clips' spectrograms as 28x28 grey pictures (rows: mel bins, high at the top; columns: time). */
    public ImageSet images(ClipSet clips) {
        int size = 28;
        byte[] pixels = new byte[clips.size() * size * size];
        for (int i = 0; i < clips.size(); i++) {
            float[][] pooled = pool(frames(clips.clip(i)), size, size);
            for (int t = 0; t < size; t++) {
                for (int b = 0; b < size; b++) {
                    float v = (pooled[t][b] - BLACK) / (WHITE - BLACK);
                    pixels[(i * size + (size - 1 - b)) * size + t] = (byte) Math.round(255 * Math.max(0, Math.min(1, v)));
                }
            }
        }
        return ImageSet.of(clips.name() + " (spectrograms)", pixels, clips.size(), size, size, clips.labels(),
                clips.classNames());
    }

    /** Area-average {@code [frames][bins]} down (or up) to {@code [times][outBins]}. */
    static float[][] pool(float[][] in, int times, int outBins) {
        float[][] out = new float[times][outBins];
        int frames = in.length;
        int bins = in[0].length;
        for (int t = 0; t < times; t++) {
            int f0 = t * frames / times;
            int f1 = Math.max(f0 + 1, (t + 1) * frames / times);
            for (int b = 0; b < outBins; b++) {
                int b0 = b * bins / outBins;
                int b1 = Math.max(b0 + 1, (b + 1) * bins / outBins);
                double sum = 0;
                for (int f = f0; f < f1; f++) {
                    for (int k = b0; k < b1; k++) {
                        sum += in[f][k];
                    }
                }
                out[t][b] = (float) (sum / ((f1 - f0) * (b1 - b0)));
            }
        }
        return out;
    }

    /** A spectrogram as a picture: time to the right, low frequencies at the bottom. */
    static BufferedImage picture(float[][] frames, int scale) {
        float[][] rows = new float[frames[0].length][frames.length];
        for (int f = 0; f < frames.length; f++) {
            for (int b = 0; b < rows.length; b++) {
                rows[rows.length - 1 - b][f] = frames[f][b];
            }
        }
        return Pictures.grey(rows, scale);
    }

    /** The spectrograms of {@code word} as each accent of {@code clips} says it, side by side. */
    public BufferedImage spectrogramsOf(ClipSet clips, String word, int scale) {
        List<BufferedImage> pictures = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i : clips.firstPerAccent(word)) {
            pictures.add(spectrogram(clips.clip(i), 1));
            captions.add(clips.clip(i).voice().accent());
        }
        return ImageGrid.of(pictures, captions, Math.min(4, pictures.size()), scale);
    }

    /** A clip's spectrogram as a picture. */
    public BufferedImage spectrogram(Clip clip, int scale) {
        return picture(frames(clip), scale);
    }

    @Override
    public void close() {
        frames.clear();
        mel.close();
    }
}
