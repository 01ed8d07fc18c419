package dev.tlkit.models;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.tlkit.audio.Clip;
import dev.tlkit.data.Manifest;
import dev.tlkit.data.PackagedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * openWakeWord's front end: 16 kHz samples to 32-bin log-mel frames, one every 10 ms (an STFT of 512 points,
 * hop 160), computed by its {@code melspectrogram.onnx} on DJL's OnnxRuntime engine. The frames are scaled as
 * openWakeWord scales them for the speech embedding ({@code mel / 10 + 2}).
 */
public final class MelSpectrogram implements AutoCloseable {
    /** Mel bins per frame. */
    public static final int BINS = 32;
    /** Samples between frames (10 ms at 16 kHz). */
    public static final int HOP = 160;

    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    private MelSpectrogram(ZooModel<NDList, NDList> model) {
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /** Loads the front end from the npm package fetched at set-up (checksums verified). */
    public static MelSpectrogram load() {
        return new MelSpectrogram(SpeechModels.load("melspectrogram"));
    }

    /** Samples the STFT reads per frame. */
    static final int FFT = 512;

    /** How many frames the front end gives for {@code samples} samples: one per hop with a whole STFT window. */
    public static int framesOf(int samples) {
        return samples < FFT ? 0 : (samples - FFT) / HOP + 1;
    }

    /** The clip's log-mel frames: {@code [frames][32]}, time first. */
    public float[][] frames(Clip clip) {
        float[] samples = clip.floats();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList out = predictor.predict(new NDList(manager.create(samples, new Shape(1, samples.length))));
            float[] mel = out.get(0).toFloatArray();
            float[][] frames = new float[mel.length / BINS][BINS];
            for (int f = 0; f < frames.length; f++) {
                for (int b = 0; b < BINS; b++) {
                    frames[f][b] = mel[f * BINS + b] / 10 + 2;
                }
            }
            return frames;
        } catch (TranslateException e) {
            throw new IllegalStateException("the mel-spectrogram model failed on " + clip, e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }

    /** Loading the package's two ONNX files. */
    static final class SpeechModels {
        static final String NAME = "speech-embedding";

        private SpeechModels() {
        }

        static ZooModel<NDList, NDList> load(String modelName) {
            PackagedFiles files = Manifest.load().model(NAME);
            Path file = files.file(modelName + ".onnx");
            try {
                return Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(file.getParent())
                        .optModelName(modelName).optEngine("OnnxRuntime").build().loadModel();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            } catch (ModelNotFoundException | MalformedModelException e) {
                throw new IllegalStateException("could not load " + file + ": " + e.getMessage()
                        + ". Run ./kit setup to fetch the package again.", e);
            }
        }
    }
}
