package dev.tlkit.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlkit.train.FeatureSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gap table and the source scores against hand-computed values. */
class TransferToolsTest {

    @Test
    void gapsArePairedBySeedAndInPoints() {
        TransferGaps gaps = new TransferGaps("t", "scratch")
                .addBaseline(50, 1, 0.90).addBaseline(50, 2, 0.80)
                .add("similar", "probe", 50, 1, 0.92).add("similar", "probe", 50, 2, 0.86)
                .add("bad", "probe", 50, 1, 0.85).add("bad", "probe", 50, 2, 0.70);
        assertArrayEquals(new double[] {2, 6}, gaps.gaps("similar", "probe", 50), 1e-9);
        assertEquals(4, gaps.gap("similar", "probe", 50), 1e-9);
        assertEquals(Math.sqrt(8), gaps.gapSpread("similar", "probe", 50), 1e-9);
        assertEquals(-7.5, gaps.gap("bad", "probe", 50), 1e-9);
        assertEquals(0.775, gaps.accuracy("bad", "probe", 50), 1e-9);
        assertEquals(3, gaps.table().rowCount());
        assertEquals(-10, gaps.table().doubleColumn("worst seed gap").get(2), 1e-9);
        assertEquals(1, gaps.chart(50).getSeriesCollection().size());
        gaps.add("similar", "probe", 5, 1, 0.5);
        assertThrows(IllegalStateException.class, () -> gaps.gap("similar", "probe", 5)); // no baseline at k = 5
        assertThrows(IllegalArgumentException.class, () -> gaps.gap("nope", "probe", 50));
    }

    @Test
    void aBaselineWithSeveralMethodsIsComparedMethodByMethod() {
        TransferGaps gaps = new TransferGaps("t", "plain")
                .add("plain", "scratch", 5, 1, 0.70).add("plain", "probe", 5, 1, 0.80)
                .add("augmented", "scratch", 5, 1, 0.75).add("augmented", "probe", 5, 1, 0.78)
                .add("other", "fine-tuned", 5, 1, 0.9);
        assertEquals(5, gaps.gap("augmented", "scratch", 5), 1e-9);
        assertEquals(-2, gaps.gap("augmented", "probe", 5), 1e-9);
        assertThrows(IllegalStateException.class, () -> gaps.gap("other", "fine-tuned", 5));
    }

    @Test
    void leaveOneOutNearestNeighbour() {
        // two tight pairs of the same class and one odd point of class 1 near class 0's pair
        FeatureSet f = new FeatureSet(new float[][] {{1, 0}, {0.9f, 0.1f}, {0, 1}, {0.1f, 0.9f}, {0.95f, 0.05f}},
                new int[] {0, 0, 1, 1, 1}, List.of("a", "b"), 0);
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
