package dev.tlkit.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlkit.data.FeatureSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The source scores against hand-computed values. */
class TransferToolsTest {

    @Test
    void leaveOneOutNearestNeighbour() {
        // two tight pairs of the same class and one odd point of class 1 near class 0's pair
        FeatureSet f = new FeatureSet("f", new float[][] {{1, 0}, {0.9f, 0.1f}, {0, 1}, {0.1f, 0.9f}, {0.95f, 0.05f}},
                new int[] {0, 0, 1, 1, 1}, List.of("a", "b"));
        // 0 -> nearest 4 (class 1): wrong; 1 -> 4: wrong; 2 -> 3 right; 3 -> 2 right; 4 -> 0 or 1: wrong
        assertEquals(2.0 / 5.0, SourceScores.nearestNeighbourAccuracy(f), 1e-9);
    }

    @Test
    void spearmanRanksWithTies() {
        assertEquals(1.0, SourceScores.spearman(new double[] {1, 2, 3}, new double[] {10, 20, 30}), 1e-9);
        assertEquals(-1.0, SourceScores.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-9);
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, SourceScores.ranks(new double[] {1, 5, 5, 9}), 1e-9);
        // ranks (1, 2, 3, 4) vs (2, 1, 4, 3): d^2 sum 4, rho = 1 - 6*4/(4*15) = 0.6
        assertEquals(0.6, SourceScores.spearman(new double[] {1, 2, 3, 4}, new double[] {2, 1, 4, 3}), 1e-9);
    }
}
