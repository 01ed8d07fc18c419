package dev.tlkit.bench;

import dev.tlkit.models.SentenceEncoder;
import java.util.ArrayList;
import java.util.List;

/** Sentences per second of the MiniLM sentence encoder, one sentence at a time and in batches of 32. */
public final class EncoderThroughput {
    private EncoderThroughput() {
    }

    /** One sample per repeat: all {@code sentences} encoded one by one. */
    public static Measurement oneAtATime(SentenceEncoder encoder, List<String> sentences, int repeats) {
        List<Double> rates = new ArrayList<>();
        encoder.encode(sentences.get(0));
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            for (String sentence : sentences) {
                encoder.encode(sentence);
            }
            rates.add(sentences.size() / ((System.nanoTime() - start) / 1e9));
        }
        return new Measurement("sentence encoder, batch 1", "sentences/s", rates);
    }

    /** One sample per repeat: all {@code sentences} encoded in batches of {@link SentenceEncoder#BATCH}. */
    public static Measurement batched(SentenceEncoder encoder, List<String> sentences, int repeats) {
        List<Double> rates = new ArrayList<>();
        encoder.encode(sentences.subList(0, Math.min(sentences.size(), SentenceEncoder.BATCH)));
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            encoder.encode(sentences);
            rates.add(sentences.size() / ((System.nanoTime() - start) / 1e9));
        }
        return new Measurement("sentence encoder, batch " + SentenceEncoder.BATCH, "sentences/s", rates);
    }
}
