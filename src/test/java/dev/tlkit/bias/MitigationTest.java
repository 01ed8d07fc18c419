package dev.tlkit.bias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Group-balanced weights and sampling, and per-group thresholds. */
class MitigationTest {
    private static final double EPS = 1e-9;

    @Test
    void weightsGiveEveryGroupTheSameTotal() {
        double[] w = GroupBalancing.weights(new String[] {"a", "a", "a", "b"});
        assertArrayEquals(new double[] {4.0 / 6, 4.0 / 6, 4.0 / 6, 2.0}, w, EPS);
        assertEquals(4.0, Arrays.stream(w).sum(), EPS);
    }

    @Test
    void balancedSamplingDrawsARareGroupAsOftenAsACommonOne() {
        String[] groups = new String[1000];
        Arrays.fill(groups, "common");
        Arrays.fill(groups, 0, 20, "rare");
        int[] sample = GroupBalancing.balancedSample(groups, 20_000, 3);
        long rare = Arrays.stream(sample).filter(i -> i < 20).count();
        assertEquals(0.5, rare / 20_000.0, 0.02);
        assertArrayEquals(sample, GroupBalancing.balancedSample(groups, 20_000, 3));
        assertThrows(IllegalArgumentException.class, () -> GroupBalancing.weights(new String[0]));
    }

    @Test
    void equalOpportunityThresholdsReachTheTargetRateInEveryGroup() {
        double[] scores = {0.9, 0.8, 0.3, 0.2, 0.6, 0.4, 0.1, 0.5};
        int[] labels = {1, 1, 1, 0, 1, 1, 0, 0};
        String[] groups = {"a", "a", "a", "a", "b", "b", "b", "b"};
        GroupThresholds t = GroupThresholds.equalOpportunity(scores, labels, groups, 2.0 / 3.0);
        assertEquals(0.8, t.threshold("a"), EPS); // 2 of a's 3 positives (0.9, 0.8) reach it
        assertEquals(0.4, t.threshold("b"), EPS); // both of b's positives (0.6, 0.4) reach it
        assertArrayEquals(new int[] {1, 1, 0, 0, 1, 1, 0, 1}, t.apply(scores, groups));
        GroupMetrics after = GroupMetrics.binary(labels, t.apply(scores, groups), groups);
        assertEquals(2.0 / 3.0, after.of("a").truePositiveRate(), EPS);
        assertEquals(1.0, after.of("b").truePositiveRate(), EPS);
        assertArrayEquals(new int[] {1, 1, 0, 0, 1, 0, 0, 1},
                GroupThresholds.single(0.5, "a", "b").apply(scores, groups));
        assertEquals(t, GroupThresholds.equalOpportunity(scores, labels, groups, 2.0 / 3.0), "thresholds are values");
        assertTrue(!GroupThresholds.single(0.5, "a", "b").equals(GroupThresholds.single(0.5001, "a", "b")),
                "equal only when every threshold is exactly the same, not when they print alike");
    }

    @Test
    void aGroupWithoutPositivesCannotGetAThreshold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GroupThresholds.equalOpportunity(
                new double[] {0.9, 0.1}, new int[] {1, 0}, new String[] {"a", "b"}, 0.5));
        assertTrue(e.getMessage().contains("group 'b' has no positive"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GroupThresholds.single(0.5, "a").threshold("b"));
    }
}
