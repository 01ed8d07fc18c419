package dev.tlkit.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.data.LabelledSentences;
import dev.tlkit.data.SentenceSet;
import dev.tlkit.data.Shuffling;
import dev.tlkit.nn.Batches;
import dev.tlkit.nn.Network;
import dev.tlkit.nn.TokenExamples;
import dev.tlkit.train.Fit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MiniLM rebuilt in DJL is the network ONNX Runtime runs: on 300 review sentences of the three domains (3 to 60+ word
 * pieces, batched with padding) both give the same sentence embeddings to within 1e-4. Its fine-tuning trains only
 * the blocks it opens, and a saved model loads back bit for bit.
 */
class MiniLmIT {
    static final double TOLERANCE = 1e-4;

    private static List<String> sentences() {
        List<String> texts = new ArrayList<>();
        for (String domain : LabelledSentences.DOMAINS) {
            SentenceSet set = LabelledSentences.domain(domain);
            int[] order = Batches.range(set.size());
            Shuffling.shuffle(order, new Random(11));
            for (int i = 0; i < 100; i++) {
                texts.add(set.text(order[i]));
            }
        }
        return texts;
    }

    @Test
    void djlEmbeddingsEqualOnnxRuntimes() {
        List<String> texts = sentences();
        try (SentenceEncoder onnx = SentenceEncoder.miniLm(); MiniLm djl = MiniLm.load()) {
            TokenExamples tokens = (TokenExamples) djl.examples(new SentenceSet("parity", texts, new int[texts.size()]));
            int shortest = Integer.MAX_VALUE;
            int longest = 0;
            for (int i = 0; i < tokens.size(); i++) {
                shortest = Math.min(shortest, tokens.length(i));
                longest = Math.max(longest, tokens.length(i));
            }
            assertTrue(shortest <= 6 && longest >= 40, "lengths " + shortest + "-" + longest + " word pieces");
            float[][] reference = onnx.encode(texts);
            float[][] ours = djl.encode(texts);
            double worst = 0;
            for (int i = 0; i < texts.size(); i++) {
                for (int d = 0; d < SentenceEncoder.DIMENSION; d++) {
                    worst = Math.max(worst, Math.abs(reference[i][d] - ours[i][d]));
                }
            }
            System.out.printf("[parity] MiniLM DJL vs ONNX Runtime, %d sentences of %d-%d word pieces: max |diff| %.2e%n",
                    texts.size(), shortest, longest, worst);
            assertTrue(worst <= TOLERANCE, "max difference " + worst);
            assertEquals(22_565_376, djl.totalParameters(), "the ONNX file's float weights (position ids are not)");
        }
    }

    @Test
    void fineTuningTheTopTwoLayersTrainsOnlyThemAndSavesBitForBit(@TempDir Path dir) throws Exception {
        SentenceSet train = LabelledSentences.yelp().samplePerClass(16, 3);
        try (MiniLm pretrained = MiniLm.load(); MiniLm tuned = pretrained.copy().unfreezeTop(2)) {
            assertEquals(2 * 1_774_464, tuned.trainableParameters());
            try (Network net = tuned.withNewHead(2, 5)) {
                Fit.of(net).learningRate(1e-4).epochs(1).batchSize(16).quietly().on(tuned.examples(train));
            }
            double[] change = tuned.changeFrom(pretrained);
            for (int i = 0; i < 5; i++) {
                assertEquals(0, change[i], "block " + tuned.blockNames().get(i) + " is frozen");
            }
            assertTrue(change[5] > 0 && change[6] > 0, "the top two layers trained");

            tuned.save(dir, "32 Yelp sentences");
            try (MiniLm loaded = MiniLm.load(dir)) {
                assertArrayEquals(tuned.encode(train.texts())[0], loaded.encode(train.texts())[0]);
                assertEquals(tuned.card().name() + " (fine-tuned)", loaded.card().name());
                assertTrue(loaded.card().sourceData().endsWith("32 Yelp sentences"));
            }
            Path parameters = dir.resolve("parameters.djl");
            byte[] bytes = Files.readAllBytes(parameters);
            bytes[bytes.length / 2] ^= 1;
            Files.write(parameters, bytes);
            IllegalStateException damaged = assertThrows(IllegalStateException.class, () -> MiniLm.load(dir));
            assertTrue(damaged.getMessage().contains("do not match their model card"), damaged.getMessage());
        }
    }
}
