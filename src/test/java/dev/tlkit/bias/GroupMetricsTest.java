package dev.tlkit.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Per-group metrics and disparities against values computed by hand (to 1e-9). */
class GroupMetricsTest {
    private static final double EPS = 1e-9;
    private static final int[] LABELS = {1, 1, 0, 0, 1, 0, 0, 0};
    private static final int[] PREDICTED = {1, 0, 1, 0, 1, 1, 1, 0};
    private static final String[] GROUPS = {"a", "a", "a", "a", "b", "b", "b", "b"};

    @Test
    void perGroupRatesMatchHandComputedValues() {
        GroupMetrics m = GroupMetrics.binary(LABELS, PREDICTED, GROUPS);
        // group a: 2 of 4 right, 2 selected, TP 1 of 2 positives, FP 1 of 2 negatives
        assertEquals(0.5, m.of("a").accuracy(), EPS);
        assertEquals(0.5, m.of("a").selectionRate(), EPS);
        assertEquals(0.5, m.of("a").truePositiveRate(), EPS);
        assertEquals(0.5, m.of("a").falsePositiveRate(), EPS);
        // group b: 2 of 4 right, 3 selected, TP 1 of 1, FP 2 of 3
        assertEquals(0.5, m.of("b").accuracy(), EPS);
        assertEquals(0.75, m.of("b").selectionRate(), EPS);
        assertEquals(1.0, m.of("b").truePositiveRate(), EPS);
        assertEquals(2.0 / 3.0, m.of("b").falsePositiveRate(), EPS);
        // overall: 4 of 8 right, 5 selected, TP 2 of 3, FP 3 of 5
        assertEquals(0.5, m.of(GroupMetrics.OVERALL).accuracy(), EPS);
        assertEquals(0.625, m.of(GroupMetrics.OVERALL).selectionRate(), EPS);
        assertEquals(2.0 / 3.0, m.of(GroupMetrics.OVERALL).truePositiveRate(), EPS);
        assertEquals(0.6, m.of(GroupMetrics.OVERALL).falsePositiveRate(), EPS);
    }

    @Test
    void disparitiesFollowFairlearnsDefinitions() {
        GroupMetrics m = GroupMetrics.binary(LABELS, PREDICTED, GROUPS);
        assertEquals(0.75 - 0.5, m.demographicParityDifference(), EPS);
        assertEquals(0.5 / 0.75, m.demographicParityRatio(), EPS);
        // max(TPR spread 1 - 0.5, FPR spread 2/3 - 0.5)
        assertEquals(0.5, m.equalizedOddsDifference(), EPS);
        assertEquals(0.5 / 0.75, m.disparateImpactRatio("a", "b"), EPS);
        assertEquals(0.75 / 0.5, m.disparateImpactRatio("b", "a"), EPS);
        assertEquals(0.0, m.accuracyGap("a", "b"), EPS);
    }

    @Test
    void aGroupWithoutPositivesHasTruePositiveRateZeroAsInFairlearn() {
        GroupMetrics m = GroupMetrics.binary(new int[] {1, 0, 0, 0}, new int[] {1, 0, 1, 0},
                new String[] {"a", "a", "c", "c"});
        assertEquals(0, m.of("c").positives());
        assertEquals(0.0, m.of("c").truePositiveRate(), EPS);
        assertEquals(0.5, m.of("c").falsePositiveRate(), EPS);
        assertEquals(1.0, m.of("a").truePositiveRate(), EPS);
        assertEquals(0.0, m.of("a").falsePositiveRate(), EPS);
        assertEquals(1.0, m.equalizedOddsDifference(), EPS);
    }

    @Test
    void aSingleGroupHasNoDisparity() {
        GroupMetrics m = GroupMetrics.binary(new int[] {1, 0, 1}, new int[] {1, 1, 0}, new String[] {"g", "g", "g"});
        assertEquals(0.0, m.demographicParityDifference(), EPS);
        assertEquals(1.0, m.demographicParityRatio(), EPS);
        assertEquals(0.0, m.equalizedOddsDifference(), EPS);
        assertEquals(1.0 / 3.0, m.accuracy("g"), EPS);
    }

    @Test
    void noGroupSelectingAnythingGivesAnUndefinedRatio() {
        GroupMetrics m = GroupMetrics.binary(new int[] {1, 0}, new int[] {0, 0}, new String[] {"a", "b"});
        assertTrue(Double.isNaN(m.demographicParityRatio()));
        assertEquals(0.0, m.demographicParityDifference(), EPS);
    }

    @Test
    void oneVsRestRatesForAMultiClassTask() {
        GroupMetrics m = GroupMetrics.oneVsRest("t", new int[] {0, 1, 2, 2}, new int[] {0, 2, 2, 1},
                new String[] {"g", "g", "h", "h"}, 2);
        assertEquals(0.5, m.of("g").accuracy(), EPS);
        assertEquals(0.5, m.of("g").selectionRate(), EPS);
        assertEquals(0.0, m.of("g").truePositiveRate(), EPS);
        assertEquals(0.5, m.of("g").falsePositiveRate(), EPS);
        assertEquals(0.5, m.of("h").truePositiveRate(), EPS);
        assertEquals(0.0, m.of("h").falsePositiveRate(), EPS);
    }

    @Test
    void theTableHasARowPerGroupAndAnOverallRow() {
        Table table = GroupMetrics.binary(LABELS, PREDICTED, GROUPS).table();
        assertEquals(3, table.rowCount());
        assertEquals(GroupMetrics.OVERALL, table.stringColumn("group").get(2));
        assertEquals(8, table.intColumn("count").get(2));
        assertEquals(0.75, table.doubleColumn("selection rate").get(1), EPS);
    }

    @Test
    void badInputGivesClearErrors() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> GroupMetrics.binary(new int[0], new int[0], new String[0]));
        assertTrue(empty.getMessage().contains("no examples"), empty.getMessage());
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> GroupMetrics.oneVsRest("t", new int[] {1, 0}, new int[] {1}, new String[] {"a", "b"}, 1));
        assertTrue(lengths.getMessage().contains("same length"), lengths.getMessage());
        IllegalArgumentException notBinary = assertThrows(IllegalArgumentException.class,
                () -> GroupMetrics.binary(new int[] {2}, new int[] {1}, new String[] {"a"}));
        assertTrue(notBinary.getMessage().contains("oneVsRest"), notBinary.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> GroupMetrics.binary(LABELS, PREDICTED, GROUPS).of("z"));
        assertTrue(unknown.getMessage().contains("[a, b]"), unknown.getMessage());
    }
}
