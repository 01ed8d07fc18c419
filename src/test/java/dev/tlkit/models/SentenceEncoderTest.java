package dev.tlkit.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceEncoderTest {
    private static SentenceEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = SentenceEncoder.miniLm();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedSentences() {
        float[] a = encoder.encode("The food was delicious and the staff were friendly.");
        float[] paraphrase = encoder.encode("Tasty meal, and the waiters were kind.");
        float[] unrelated = encoder.encode("The train to Berlin leaves at seven in the morning.");
        double close = SentenceEncoder.similarity(a, paraphrase);
        double far = SentenceEncoder.similarity(a, unrelated);
        assertTrue(close > far + 0.2, "paraphrase " + close + " vs unrelated " + far);
    }

    @Test
    void embeddingsHaveUnitLengthAnd384Numbers() {
        for (float[] v : encoder.encode(List.of("short", "A much longer sentence with several words in it.", "!"))) {
            assertEquals(SentenceEncoder.DIMENSION, v.length);
            assertEquals(1.0, SentenceEncoder.similarity(v, v), 1e-5);
        }
    }

    @Test
    void batchAndSingleResultsAgree() {
        List<String> sentences = List.of("I loved this film.", "Worst purchase ever, it broke after a day.",
                "The battery lasts long.");
        float[][] batch = encoder.encode(sentences);
        for (int i = 0; i < sentences.size(); i++) {
            assertArrayEquals(encoder.encode(sentences.get(i)), batch[i], 1e-4f, sentences.get(i));
        }
    }

    @Test
    void theZooSaysItNeedsTheNetworkAndWhatToUseInstead() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                ModelZoo::imagenetResnet18);
        assertTrue(e.getMessage().contains("needs the network") && e.getMessage().contains("fashion-source-cnn"),
                e.getMessage());
    }
}
