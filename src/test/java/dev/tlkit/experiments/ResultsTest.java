package dev.tlkit.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.recipes.MethodKey;
import dev.tlkit.recipes.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The results table against hand-computed gaps, summaries and per-group accuracies. */
class ResultsTest {
    private static final MethodKey SCRATCH = () -> "scratch";
    private static final MethodKey SIMILAR = () -> "probe (similar)";
    private static final MethodKey BAD = () -> "probe (bad)";

    private static Run run(String method, String source, int k, long seed, double accuracy, Map<String, Double> slices) {
        return new Run(method, source, k, seed, accuracy, 1.0, 2.0, 3.0, 10, 5, slices, null, Optional.empty(), Map.of());
    }

    private static Results results() {
        List<Run> runs = new ArrayList<>();
        runs.add(run("scratch", "", 50, 1, 0.90, Map.of("A", 0.95, "B", 0.85)));
        runs.add(run("scratch", "", 50, 2, 0.80, Map.of("A", 0.80, "B", 0.80)));
        runs.add(run("probe", "similar", 50, 2, 0.86, Map.of("A", 0.90, "B", 0.82)));
        runs.add(run("probe", "similar", 50, 1, 0.92, Map.of("A", 0.96, "B", 0.88)));
        runs.add(run("probe", "bad", 50, 1, 0.85, Map.of("A", 0.90, "B", 0.80)));
        runs.add(run("probe", "bad", 50, 2, 0.70, Map.of("A", 0.75, "B", 0.65)));
        runs.add(run("probe", "similar", 5, 1, 0.50, Map.of("A", 0.5, "B", 0.5)));
        return new Results("t", "k", runs);
    }

    @Test
    void gapsArePairedBySeedAndInPoints() {
        Results results = results();
        Gap similar = results.gap(SIMILAR, SCRATCH, 50);
        assertArrayEquals(new double[] {2, 6}, similar.perSeed(), 1e-9);
        assertEquals(4, similar.mean(), 1e-9);
        assertEquals(Math.sqrt(8), similar.spread(), 1e-9);
        assertEquals(-7.5, results.gap(BAD, SCRATCH, 50).mean(), 1e-9);
        assertEquals(-10, results.gap(BAD, SCRATCH, 50).worst(), 1e-9);
        assertTrue(results.gap(BAD, SCRATCH, 50).everySeedBelow(-3));
        assertEquals(0.775, results.mean(BAD, 50), 1e-9);
        assertArrayEquals(new double[] {0.92, 0.86}, results.accuracies(SIMILAR, 50), 1e-9);
        assertEquals(2, results.gaps(SCRATCH).rowCount());
        assertEquals(-10, results.gaps(SCRATCH).doubleColumn("worst seed").get(1), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> results.gap(SIMILAR, SCRATCH, 5)); // no scratch at k = 5
        assertThrows(IllegalArgumentException.class, () -> results.mean(() -> "nope", 50));
    }

    @Test
    void summaryCountsWorkAndSlices() {
        Results results = results();
        assertEquals(4, results.summary().rowCount());
        assertEquals(List.of(5, 50), results.ks());
        assertEquals(List.of("scratch", "probe (similar)", "probe (bad)"), results.methods());
        assertEquals(3 * 20, results.work(SIMILAR));
        assertEquals(0.93, results.mean(SIMILAR, 50, "A"), 1e-9);
        Gap group = results.sliceGap(SIMILAR, 50, "A", "B");
        assertArrayEquals(new double[] {8, 8}, group.perSeed(), 1e-9);
        assertEquals(7, results.table().rowCount());
        assertEquals(2, results.sliceChart(50, "A", "B").getSeriesCollection().size());
        assertEquals(3, results.chart().getSeriesCollection().size());
        assertEquals(1, results.gapChart(SCRATCH, 50).getSeriesCollection().size());
    }

    @Test
    void aMissingBaselineSeedIsNamed() {
        List<Run> runs = new ArrayList<>(results().runs());
        runs.add(run("probe", "similar", 50, 3, 0.9, Map.of()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Results("t", "k", runs).gap(SIMILAR, SCRATCH, 50));
        assertTrue(e.getMessage().contains("seed 3"), e.getMessage());
    }

    @Test
    void aGapCurveDrawsTheMethodsThatRanAndNamesAMissingBaseline() {
        var chart = results().gapCurve(SCRATCH);
        assertEquals(List.of("probe (similar)", "probe (bad)", "no gap"), chart.getSeriesCollection().stream().map(s -> s.getName()).toList());
        MethodKey absent = () -> "fine-tune (similar)";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> results().gapCurve(absent));
        assertTrue(e.getMessage().contains("fine-tune (similar)") && e.getMessage().contains("same experiment"), e.getMessage());
    }
}
