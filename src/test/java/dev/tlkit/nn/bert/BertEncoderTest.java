package dev.tlkit.nn.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import dev.tlkit.nn.Network;
import dev.tlkit.nn.TokenExamples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The BERT blocks on a tiny configuration (random weights): padding changes nothing, embeddings have unit length. */
class BertEncoderTest {
    private static final BertConfig TINY = new BertConfig(50, 16, 2, 4, 32, 20, 2, 1e-12f);

    private static Network network(BertEncoder encoder) {
        return Network.of("tiny bert", new SequentialBlock().add(encoder.stages()).add(new MeanPooling()),
                new Shape(-1), 7);
    }

    @Test
    void paddingDoesNotChangeASentencesEmbedding() {
        BertEncoder encoder = BertEncoder.of(TINY);
        try (Network net = network(encoder)) {
            long[] shortSentence = {1, 5, 9, 2};
            long[] longSentence = {1, 7, 7, 8, 30, 41, 3, 2};
            float[][] alone = net.outputs(new TokenExamples(new long[][] {shortSentence}, new int[1], List.of("a")));
            // batched with a longer sentence, the short one is padded with 4 masked tokens
            TokenExamples both = new TokenExamples(new long[][] {shortSentence, longSentence}, new int[2], List.of("a"));
            float[][] batched = net.outputs(both);
            double worst = 0;
            for (int d = 0; d < TINY.hidden(); d++) {
                worst = Math.max(worst, Math.abs(alone[0][d] - batched[0][d]));
            }
            assertTrue(worst < 1e-6, "padding moved the embedding by " + worst);
            for (float[] v : batched) {
                double norm = 0;
                for (float x : v) {
                    norm += x * x;
                }
                assertEquals(1, Math.sqrt(norm), 1e-5, "sentence embeddings have unit length");
            }
        }
    }

    @Test
    void stagesAreTheEmbeddingsAndEachLayer() {
        BertEncoder encoder = BertEncoder.of(TINY);
        try (Network net = network(encoder)) {
            assertEquals(List.of("embeddings", "layer 1", "layer 2"), encoder.stages().stageNames());
            long all = net.totalParameters();
            long layer = encoder.stages().stage(2).getParameters().values().stream()
                    .mapToLong(p -> p.getShape().size()).sum();
            // q, k, v, output: 4 x (16 x 16 + 16); two LayerNorms: 2 x 32; feed-forward 16 x 32 + 32 + 32 x 16 + 16
            assertEquals(4 * (16 * 16 + 16) + 2 * 32 + (16 * 32 + 32) + (32 * 16 + 16), layer);
            encoder.stages().openTop(1);
            assertEquals(layer, net.trainableParameters(), "only the top layer trains");
            encoder.stages().openTop(0);
            assertEquals(0, net.trainableParameters());
            assertEquals(all, net.totalParameters());
        }
    }
}
