package dev.tlkit.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tlkit.audio.Clip;
import dev.tlkit.audio.ClipSet;
import dev.tlkit.audio.SpeechClips;
import dev.tlkit.audio.Voices;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.Manifest;
import dev.tlkit.notebooks.NodeScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kit's speech pipeline on DJL's OnnxRuntime engine computes what ONNX Runtime Web (WebAssembly, in node)
 * computes from the package's two models fed the way openWakeWord feeds them: the same log-mel frames and the
 * same mean embeddings, to within 1e-4 of the largest value, for clips of both synthesisers.
 */
class SpeechEmbeddingParityIT {
    private static final Path PROJECT = Path.of(System.getProperty("kit.project.dir", ".")).toAbsolutePath().normalize();
    static final double RELATIVE_TOLERANCE = 1e-4;

    @Test
    void djlOnnxRuntimeMatchesOnnxRuntimeWeb() {
        ClipSet clips = new SpeechClips("parity", List.of("yes", "seven", "marvin"),
                List.of(Voices.english().get(0), Voices.scottish(), Voices.flite("slt")), SpeechClips.DEFAULT_SAMPLES)
                .load();
        List<short[]> samples = new ArrayList<>();
        for (Clip clip : clips.clips()) {
            samples.add(clip.samples());
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("modelDir", Manifest.load().model(SpeechEmbedding.NAME).source().location().toString());
        request.put("clips", samples);
        JsonObject reference = NodeScript.of(PROJECT, "ort_speech_embedding.mjs")
                .run(request, PROJECT.resolve("target/parity/speech"), 600);
        try (SpeechEmbedding embedding = SpeechEmbedding.load(); LogMelFeatures logMel = LogMelFeatures.load()) {
            double[] frames = compare(reference.getAsJsonArray("frames"), clips, c -> flatten(logMel.frames(c)));
            double[] embeddings = compare(reference.getAsJsonArray("embeddings"), clips, embedding::embed);
            System.out.printf("[parity] speech: log-mel max |DJL - ORT Web| = %.3g of %.3g; embedding %.3g of %.3g%n",
                    frames[0], frames[1], embeddings[0], embeddings[1]);
            assertTrue(frames[0] <= RELATIVE_TOLERANCE * frames[1], "log-mel frames differ by " + frames[0]);
            assertTrue(embeddings[0] <= RELATIVE_TOLERANCE * embeddings[1], "embeddings differ by " + embeddings[0]);
            assertEquals(9, embedding.windows(clips.clip(0)).length, "1.5 s gives 147 frames: 9 windows of 76 every 8");
            assertEquals(9, reference.getAsJsonArray("windows").get(0).getAsInt());
        }
    }

    /**
     * The embedding rebuilt as a DJL network from the ONNX initializers (the network the kit fine-tunes) computes
     * what ONNX Runtime computes from the file, for clips of both synthesisers.
     */
    @Test
    void djlRebuildMatchesOnnxRuntime() {
        ClipSet clips = new SpeechClips("parity", List.of("yes", "seven", "marvin"),
                List.of(Voices.english().get(0), Voices.foreign("de"), Voices.flite("slt")), SpeechClips.DEFAULT_SAMPLES)
                .load();
        try (SpeechEmbedding onnxRuntime = SpeechEmbedding.load(); LogMelFeatures logMel = LogMelFeatures.load();
             SpeechEmbeddingNet rebuilt = SpeechEmbeddingNet.load(logMel)) {
            assertEquals(MelSpectrogram.framesOf(SpeechClips.DEFAULT_SAMPLES), logMel.frames(clips.clip(0)).length);
            FeatureSet djl = rebuilt.features(clips);
            double worst = 0;
            double largest = 0;
            for (int i = 0; i < clips.size(); i++) {
                float[] reference = onnxRuntime.embed(clips.clip(i));
                for (int j = 0; j < reference.length; j++) {
                    largest = Math.max(largest, Math.abs(reference[j]));
                    worst = Math.max(worst, Math.abs(reference[j] - djl.vector(i)[j]));
                }
            }
            System.out.printf("[parity] speech embedding rebuilt in DJL: max |DJL - ORT| = %.3g of %.3g%n", worst,
                    largest);
            assertTrue(worst <= RELATIVE_TOLERANCE * largest, "the rebuilt embedding differs by " + worst);
            assertEquals(328_128, rebuilt.totalParameters(), "every weight and bias of the file (its 328,129 floats"
                    + " less one constant, the floor of -0.4 after each activation)");
            assertEquals(6, rebuilt.blockCount());
        }
    }

    /** The largest difference between the reference's arrays and the kit's, and the largest reference value. */
    private static double[] compare(JsonArray reference, ClipSet clips, java.util.function.Function<Clip, float[]> kit) {
        double worst = 0;
        double largest = 0;
        assertEquals(clips.size(), reference.size());
        for (int i = 0; i < clips.size(); i++) {
            JsonArray ref = reference.get(i).getAsJsonArray();
            float[] ours = kit.apply(clips.clip(i));
            assertEquals(ref.size(), ours.length, "clip " + i + ": sizes differ");
            for (int j = 0; j < ours.length; j++) {
                double r = ref.get(j).getAsDouble();
                largest = Math.max(largest, Math.abs(r));
                worst = Math.max(worst, Math.abs(r - ours[j]));
            }
        }
        return new double[] {worst, largest};
    }

    private static float[] flatten(float[][] frames) {
        float[] flat = new float[frames.length * frames[0].length];
        for (int f = 0; f < frames.length; f++) {
            System.arraycopy(frames[f], 0, flat, f * frames[0].length, frames[0].length);
        }
        return flat;
    }
}
