package dev.tlkit.models;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.tlkit.audio.Clip;
import dev.tlkit.audio.ClipSet;
import dev.tlkit.data.FeatureSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real pre-trained speech model: Google's speech embedding (Lin et al. 2020, arXiv 2002.01322; Apache-2.0),
 * a small CNN trained on a large speech corpus that maps 76 log-mel frames (0.775 s) to 96 numbers, as
 * openWakeWord ships it in ONNX. Both of openWakeWord's models run on DJL's OnnxRuntime engine: the
 * {@link MelSpectrogram} front end, then the embedding on windows of 76 frames every 8 frames (80 ms); a clip's
 * features are the mean of its windows' embeddings. Used frozen: a linear head learns the words on top.
 */
public final class SpeechEmbedding implements FeatureExtractor<ClipSet> {
    public static final String NAME = MelSpectrogram.SpeechModels.NAME;
    public static final int DIMENSION = 96;
    /** Log-mel frames the embedding reads at once. */
    public static final int WINDOW = 76;
    /** Frames between windows. */
    public static final int STEP = 8;

    private final MelSpectrogram mel;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    /** Embeddings by clip: a lesson embeds the same source clips in every experiment. */
    private final Map<Clip, float[]> embedded = new ConcurrentHashMap<>();

    private SpeechEmbedding(MelSpectrogram mel, ZooModel<NDList, NDList> model) {
        this.mel = mel;
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /** Loads both models from the npm package fetched at set-up (checksums verified). */
    public static SpeechEmbedding load() {
        MelSpectrogram mel = MelSpectrogram.load();
        try {
            return new SpeechEmbedding(mel, MelSpectrogram.SpeechModels.load("embedding_model"));
        } catch (RuntimeException e) {
            mel.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int featureSize() {
        return DIMENSION;
    }

    /** The embedding of every window of the clip: {@code [windows][96]}. */
    public float[][] windows(Clip clip) {
        float[][] frames = mel.frames(clip);
        int count = windowCount(frames.length);
        if (count == 0) {
            throw new IllegalArgumentException(clip + " is too short: the embedding reads " + WINDOW
                    + " frames (0.775 s), the clip has " + frames.length);
        }
        float[] input = new float[count * WINDOW * MelSpectrogram.BINS];
        copyWindows(frames, count, input, 0);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList out = predictor.predict(new NDList(
                    manager.create(input, new Shape(count, WINDOW, MelSpectrogram.BINS, 1))));
            float[] flat = out.get(0).toFloatArray();
            float[][] embeddings = new float[count][DIMENSION];
            for (int w = 0; w < count; w++) {
                System.arraycopy(flat, w * DIMENSION, embeddings[w], 0, DIMENSION);
            }
            return embeddings;
        } catch (TranslateException e) {
            throw new IllegalStateException("the speech embedding failed on " + clip, e);
        }
    }

    /** How many windows of {@value #WINDOW} frames every {@value #STEP} a clip of {@code frames} frames holds. */
    static int windowCount(int frames) {
        return frames < WINDOW ? 0 : (frames - WINDOW) / STEP + 1;
    }

    /** The first {@code count} windows of {@code frames}, one after the other, into {@code out} from {@code offset}. */
    static void copyWindows(float[][] frames, int count, float[] out, int offset) {
        for (int w = 0; w < count; w++) {
            for (int f = 0; f < WINDOW; f++) {
                System.arraycopy(frames[w * STEP + f], 0, out, offset + (w * WINDOW + f) * MelSpectrogram.BINS,
                        MelSpectrogram.BINS);
            }
        }
    }

    /** The clip's 96 numbers: the mean embedding of its windows (computed once per clip). */
    public float[] embed(Clip clip) {
        return embedded.computeIfAbsent(clip, this::meanOfWindows).clone();
    }

    private float[] meanOfWindows(Clip clip) {
        float[][] windows = windows(clip);
        float[] mean = new float[DIMENSION];
        for (float[] window : windows) {
            for (int d = 0; d < DIMENSION; d++) {
                mean[d] += window[d] / windows.length;
            }
        }
        return mean;
    }

    @Override
    public FeatureSet features(ClipSet clips) {
        float[][] vectors = new float[clips.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = embed(clips.clip(i));
        }
        return FeatureSet.of(clips, vectors);
    }

    @Override
    public void close() {
        embedded.clear();
        predictor.close();
        model.close();
        mel.close();
    }
}
