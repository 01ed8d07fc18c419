package dev.tlkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenExamplesTest {
    private final TokenExamples examples = new TokenExamples(new long[][] {{101, 7, 8, 102}, {101, 102}, {101, 5, 102}},
            new int[] {1, 0, 1}, List.of("negative", "positive"));

    @Test
    void aBatchIsPaddedToItsLongestSentenceWithAMask() {
        try (NDManager manager = NDManager.newBaseManager(Network.TRAINING_ENGINE)) {
            NDList batch = examples.inputs(manager, new int[] {1, 2}, new Random(0));
            assertArrayEquals(new long[] {2, 3}, batch.get(0).getShape().getShape());
            assertArrayEquals(new long[] {101, 102, 0, 101, 5, 102}, batch.get(0).toLongArray());
            assertArrayEquals(new long[] {1, 1, 0, 1, 1, 1}, batch.get(1).toLongArray());
        }
    }

    @Test
    void inferenceWalksShortestFirst() {
        assertArrayEquals(new int[] {1, 2, 0}, examples.inferenceOrder());
    }

    @Test
    void emptySentencesAndMissingLabelsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenExamples(new long[][] {{}}, new int[1], List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> new TokenExamples(new long[][] {{1}}, new int[2], List.of("a")));
    }
}
