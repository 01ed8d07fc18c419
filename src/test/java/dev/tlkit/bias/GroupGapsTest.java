package dev.tlkit.bias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GroupGapsTest {
    private static GroupMetrics run(int rightA, int rightB) {
        // 4 examples per group, the first rightA / rightB of them right
        int[] labels = new int[8];
        int[] predicted = new int[8];
        String[] groups = new String[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = i < 4 ? "A" : "B";
            boolean right = i < 4 ? i < rightA : i - 4 < rightB;
            predicted[i] = right ? 0 : 1;
        }
        return GroupMetrics.binary(labels, predicted, groups);
    }

    @Test
    void gapsAreFirstMinusSecondInPoints() {
        GroupGaps gaps = new GroupGaps("t", "A", "B").add("m", run(4, 3)).add("m", run(3, 3)).add("n", run(2, 4));
        assertArrayEquals(new double[] {25, 0}, gaps.gaps("m"), 1e-9);
        assertEquals(12.5, gaps.meanGap("m"), 1e-9);
        assertEquals(-50, gaps.meanGap("n"), 1e-9);
        assertEquals((7.0 / 8 + 6.0 / 8) / 2, gaps.meanAccuracy("m"), 1e-9);
        assertEquals(0.875, gaps.meanAccuracy("m", "A"), 1e-9);
        assertEquals(2, gaps.table().rowCount());
        assertEquals(0.0, gaps.table().doubleColumn("gap min").get(0), 1e-9);
        assertEquals(2, gaps.chart().getSeriesCollection().size());
        assertThrows(IllegalArgumentException.class, () -> gaps.gaps("zzz"));
    }
}
