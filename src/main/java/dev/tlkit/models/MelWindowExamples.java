package dev.tlkit.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tlkit.audio.ClipSet;
import dev.tlkit.audio.SpeechClips;
import dev.tlkit.nn.Examples;
import java.util.List;
import java.util.Random;

/**
 * Clips as the speech embedding reads them: each one its windows of {@value SpeechEmbedding#WINDOW} log-mel frames
 * every {@value SpeechEmbedding#STEP}, shape (windows, 76, 32), every clip holding {@code windows} of them.
 */
record MelWindowExamples(ClipSet clips, LogMelFeatures logMel, int windows) implements Examples {
    /** Clips per inference batch: each is nine windows, and a window's activations take a few megabytes. */
    static final int BATCH = 4;

    @Override
    public int size() {
        return clips.size();
    }

    @Override
    public int label(int index) {
        return clips.label(index);
    }

    @Override
    public List<String> classNames() {
        return clips.classNames();
    }

    @Override
    public Shape exampleShape() {
        return new Shape(windows, SpeechEmbedding.WINDOW, MelSpectrogram.BINS);
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices, Random random) {
        int per = windows * SpeechEmbedding.WINDOW * MelSpectrogram.BINS;
        float[] x = new float[indices.length * per];
        for (int i = 0; i < indices.length; i++) {
            float[][] frames = logMel.frames(clips.clip(indices[i]));
            if (SpeechEmbedding.windowCount(frames.length) != windows) {
                throw new IllegalArgumentException(clips.clip(indices[i]) + " holds " + frames.length + " log-mel"
                        + " frames, " + SpeechEmbedding.windowCount(frames.length) + " windows; the network reads"
                        + " clips of " + windows + " windows (" + SpeechClips.DEFAULT_SAMPLES + " samples)");
            }
            SpeechEmbedding.copyWindows(frames, windows, x, i * per);
        }
        return new NDList(manager.create(x, new Shape(indices.length).addAll(exampleShape())));
    }

    @Override
    public int inferenceBatch() {
        return BATCH;
    }
}
