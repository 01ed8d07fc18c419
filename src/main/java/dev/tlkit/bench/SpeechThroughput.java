package dev.tlkit.bench;

import dev.tlkit.audio.ClipSet;
import dev.tlkit.audio.SpeechClips;
import dev.tlkit.audio.SpeechTasks;
import dev.tlkit.models.LogMelFeatures;
import dev.tlkit.models.SpeechEmbedding;
import dev.tlkit.models.SpeechEmbeddingNet;
import dev.tlkit.train.Stopwatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lesson 8's speech: synthesising its clips the first time (into an empty scratch cache: the source voices and
 * the three new speakers, as the lesson makes them), and embedding clips with the speech embedding.
 */
public final class SpeechThroughput {

    /**
     * The first synthesis of all of the lesson's clips, and embedding throughput in clips per second: on ONNX Runtime,
     * and rebuilt as a DJL network (what fine-tuning runs), each with the mel front end.
     */
    public record Result(Measurement synthesis, int clips, Measurement embedding, Measurement rebuilt) {
    }

    private SpeechThroughput() {
    }

    public static Result measure(Path scratch, int embeddingRepeats) throws IOException {
        List<SpeechClips> recipes = SpeechTasks.lessonRecipes();
        Path cache = Files.createTempDirectory(Files.createDirectories(scratch), "speech-cache");   // empty: a first run
        Stopwatch clock = Stopwatch.start();
        List<ClipSet> sets = new ArrayList<>();
        for (SpeechClips recipe : recipes) {
            sets.add(recipe.load(cache));
        }
        double seconds = clock.seconds();
        int clips = sets.stream().mapToInt(ClipSet::size).sum();
        delete(cache);
        ClipSet sample = sets.get(0).head(240);
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < embeddingRepeats; r++) {
            try (SpeechEmbedding embedding = SpeechEmbedding.load()) {   // a new model: its per-clip cache starts empty
                Stopwatch run = Stopwatch.start();
                embedding.features(sample);
                rates.add(sample.size() / run.seconds());
            }
        }
        List<Double> rebuiltRates = new ArrayList<>();
        for (int r = 0; r < embeddingRepeats; r++) {
            try (LogMelFeatures logMel = LogMelFeatures.load(); SpeechEmbeddingNet net = SpeechEmbeddingNet.load(logMel)) {
                Stopwatch run = Stopwatch.start();
                net.features(sample);
                rebuiltRates.add(sample.size() / run.seconds());
            }
        }
        return new Result(new Measurement("synthesising lesson 8's clips, first time", "s", List.of(seconds)), clips,
                new Measurement("speech embedding of 1.5 s clips", "clips/s", rates),
                new Measurement("speech embedding rebuilt in DJL, 1.5 s clips", "clips/s", rebuiltRates));
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
