package dev.tlkit.experiments;

import dev.tlkit.recipes.MethodKey;
import dev.tlkit.recipes.Run;
import dev.tlkit.train.TrainingHistory;
import dev.tlkit.viz.Charts;
import dev.tlkit.viz.Showable;
import dev.tlkit.viz.Tables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Every run of an experiment in one long-format table (one row per method, k and seed), with what a lesson
 * asks of it: a summary per method and k (mean, min, max, spread), gaps paired by seed, per-group accuracy,
 * and charts. Look results up by the method objects the experiment ran:
 * <pre>{@code
 * results.mean(probe, 10); results.gap(probe, scratch, 10).worst(); results.chart()
 * }</pre>
 */
public final class Results implements Showable {
    private final String title;
    private final String xTitle;
    private final List<Run> runs;

    public Results(String title, String xTitle, List<Run> runs) {
        this.title = title;
        this.xTitle = xTitle;
        this.runs = List.copyOf(runs);
    }

    public String title() {
        return title;
    }

    public List<Run> runs() {
        return runs;
    }

    /** These runs and {@code other}'s, under this title. */
    public Results and(Results other) {
        List<Run> all = new ArrayList<>(runs);
        all.addAll(other.runs);
        return new Results(title, xTitle, all);
    }

    /** The method labels, in the order they first ran. */
    public List<String> methods() {
        return runs.stream().map(Run::label).distinct().toList();
    }

    /** The values of k that ran, ascending. */
    public List<Integer> ks() {
        return new ArrayList<>(runs.stream().map(Run::k).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The runs of {@code method} at {@code k}, in seed order. */
    public List<Run> runs(MethodKey method, int k) {
        return runs(method.label(), k);
    }

    private List<Run> runs(String label, int k) {
        List<Run> found = runs.stream().filter(r -> r.label().equals(label) && r.k() == k)
                .sorted((a, b) -> Long.compare(a.seed(), b.seed())).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no runs of '" + label + "' at k = " + k + "; the results have "
                    + methods() + " at k = " + ks());
        }
        return found;
    }

    /** The run of {@code method} at {@code k} with {@code seed}. */
    public Run run(MethodKey method, int k, long seed) {
        return runs(method, k).stream().filter(r -> r.seed() == seed).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no run of '" + method.label() + "' at k = " + k + " with seed " + seed));
    }

    /** Test accuracy of every seed of {@code method} at {@code k}, 0..1. */
    public double[] accuracies(MethodKey method, int k) {
        return runs(method, k).stream().mapToDouble(Run::accuracy).toArray();
    }

    /** Mean test accuracy over seeds, 0..1. */
    public double mean(MethodKey method, int k) {
        return Arrays.stream(accuracies(method, k)).average().orElseThrow();
    }

    public double min(MethodKey method, int k) {
        return Arrays.stream(accuracies(method, k)).min().orElseThrow();
    }

    public double max(MethodKey method, int k) {
        return Arrays.stream(accuracies(method, k)).max().orElseThrow();
    }

    /** Mean accuracy on a named slice of the test set (a group, or a further test set). */
    public double mean(MethodKey method, int k, String slice) {
        return runs(method, k).stream().mapToDouble(r -> r.accuracy(slice)).average().orElseThrow();
    }

    /** Mean training accuracy (last epoch) over seeds. */
    public double trainAccuracy(MethodKey method, int k) {
        return runs(method, k).stream().mapToDouble(Run::trainAccuracy).average().orElseThrow();
    }

    /** Mean CPU seconds per run (all threads of the process). */
    public double cpuSeconds(MethodKey method, int k) {
        return runs(method, k).stream().mapToDouble(Run::cpuSeconds).average().orElseThrow();
    }

    /** Counted work of all runs of {@code method}, at every k, in forward-pass equivalents. */
    public long work(MethodKey method) {
        return runs.stream().filter(r -> r.label().equals(method.label())).mapToLong(Run::work).sum();
    }

    /** The epochs each seed's run of {@code method} at {@code k} trained (fewer when it stopped early). */
    public int[] epochs(MethodKey method, int k) {
        return runs(method, k).stream().mapToInt(r -> history(r).epochs().size()).toArray();
    }

    private static TrainingHistory history(Run run) {
        return run.history().orElseThrow(() -> new IllegalStateException(run.label() + " ran no training loop"));
    }

    /** One row per run at {@code k}: how long it trained, which epoch it kept, its training and test accuracy. */
    public Table training(int k) {
        List<Run> at = runs.stream().filter(r -> r.k() == k && r.history().isPresent()).toList();
        Table table = Table.create(title + ": training (k = " + k + ")",
                StringColumn.create("method", at.stream().map(Run::label).toList()),
                LongColumn.create("seed", at.stream().mapToLong(Run::seed).toArray()),
                IntColumn.create("epochs", at.stream().mapToInt(r -> history(r).epochs().size()).toArray()),
                IntColumn.create("kept epoch", at.stream().mapToInt(r -> history(r).bestEpoch()).toArray()),
                DoubleColumn.create("train accuracy", at.stream().mapToDouble(Run::trainAccuracy).toArray()),
                DoubleColumn.create("test accuracy", at.stream().mapToDouble(Run::accuracy).toArray()),
                DoubleColumn.create("CPU seconds", at.stream().mapToDouble(Run::cpuSeconds).toArray()));
        Tables.decimals(table, 3);
        table.doubleColumn("CPU seconds").setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
        return table;
    }

    /** Mean counted work per run of {@code method} at {@code k}, in forward-pass equivalents. */
    public double work(MethodKey method, int k) {
        return runs(method, k).stream().mapToLong(Run::work).average().orElseThrow();
    }

    /**
     * How far fine-tuning moved each block from its source (relative change, mean over seeds), one column per
     * method that measured it ({@code FineTune.measureChange()}).
     */
    public Table blockChanges(int k) {
        List<String> measured = methods().stream().filter(m -> ran(m, k)
                && !runs(m, k).get(0).blockChanges().isEmpty()).toList();
        if (measured.isEmpty()) {
            throw new IllegalStateException("no method measured its change at k = " + k + ": use .measureChange()");
        }
        List<String> blocks = new ArrayList<>(runs(measured.get(0), k).get(0).blockChanges().keySet());
        Table table = Table.create("How far each block moved from its pre-trained weights (k = " + k + ")",
                StringColumn.create("block", blocks));
        for (String label : measured) {
            table.addColumns(DoubleColumn.create(label, blocks.stream().mapToDouble(b -> runs(label, k).stream()
                    .mapToDouble(r -> r.blockChanges().get(b)).average().orElseThrow()).toArray()));
        }
        return Tables.decimals(table, 4);
    }

    /** Mean relative change of {@code block} under {@code method} at {@code k}. */
    public double blockChange(MethodKey method, int k, String block) {
        return runs(method, k).stream().mapToDouble(r -> {
            Double change = r.blockChanges().get(block);
            if (change == null) {
                throw new IllegalArgumentException(method.label() + " did not measure the change of '" + block
                        + "' (blocks: " + r.blockChanges().keySet() + "); use .measureChange()");
            }
            return change;
        }).average().orElseThrow();
    }

    /** CPU seconds of all runs of {@code method}, at every k. */
    public double cpuSeconds(MethodKey method) {
        return runs.stream().filter(r -> r.label().equals(method.label())).mapToDouble(Run::cpuSeconds).sum();
    }

    /** {@code method}'s accuracy minus {@code baseline}'s at {@code k}, seed by seed, in points. */
    public Gap gap(MethodKey method, MethodKey baseline, int k) {
        return gap(method.label(), baseline.label(), k);
    }

    private Gap gap(String label, String baseline, int k) {
        List<Run> mine = runs(label, k);
        List<Run> theirs = runs(baseline, k);
        long[] seeds = mine.stream().mapToLong(Run::seed).toArray();
        double[] points = new double[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            long seed = seeds[i];
            Run paired = theirs.stream().filter(r -> r.seed() == seed).findFirst().orElseThrow(
                    () -> new IllegalStateException("seed " + seed + " of '" + label + "' at k = " + k + " has no run of '"
                            + baseline + "' to compare with: run both methods on the same seeds"));
            points[i] = 100 * (mine.get(i).accuracy() - paired.accuracy());
        }
        return new Gap(label, baseline, k, seeds, points);
    }

    /** The mean of {@code method}'s gaps to {@code baseline} over every k from {@code fromK} on that both ran. */
    public double meanGap(MethodKey method, MethodKey baseline, int fromK) {
        return ks().stream().filter(k -> k >= fromK && ran(method.label(), k) && ran(baseline.label(), k))
                .mapToDouble(k -> gap(method, baseline, k).mean()).average().orElseThrow(() ->
                        new IllegalArgumentException("no k >= " + fromK + " at which both " + method.label() + " and "
                                + baseline.label() + " ran"));
    }

    /** The smallest k at which {@code method}'s mean accuracy reaches {@code other}'s, if any (where curves meet). */
    public OptionalInt firstKWhere(MethodKey method, MethodKey other) {
        return ks().stream().filter(k -> ran(method.label(), k) && ran(other.label(), k))
                .filter(k -> mean(method, k) >= mean(other, k)).mapToInt(Integer::intValue).findFirst();
    }

    /** What each method cost over all its runs: runs, CPU seconds (all threads) and counted work. */
    public Table costs() {
        List<String> labels = methods();
        Table table = Table.create(title + ": costs of all runs",
                StringColumn.create("method", labels),
                IntColumn.create("runs", labels.stream().mapToInt(l -> (int) runs.stream()
                        .filter(r -> r.label().equals(l)).count()).toArray()),
                DoubleColumn.create("CPU seconds", labels.stream().mapToDouble(l -> runs.stream()
                        .filter(r -> r.label().equals(l)).mapToDouble(Run::cpuSeconds).sum()).toArray()),
                LongColumn.create("work (forward passes)", labels.stream().mapToLong(l -> runs.stream()
                        .filter(r -> r.label().equals(l)).mapToLong(Run::work).sum()).toArray()));
        return Tables.decimals(table, 1);
    }

    /** Accuracy on slice {@code a} minus slice {@code b} (e.g. group A minus group B), seed by seed, in points. */
    public Gap sliceGap(MethodKey method, int k, String a, String b) {
        List<Run> mine = runs(method, k);
        return new Gap(method.label() + ": " + a, b, k, mine.stream().mapToLong(Run::seed).toArray(),
                mine.stream().mapToDouble(r -> 100 * (r.accuracy(a) - r.accuracy(b))).toArray());
    }

    /** One row per run: method, k, seed, accuracies, costs. */
    public Table table() {
        Table table = Table.create(title + ": every run",
                StringColumn.create("method", runs.stream().map(Run::label).toList()),
                IntColumn.create("k", runs.stream().mapToInt(Run::k).toArray()),
                LongColumn.create("seed", runs.stream().mapToLong(Run::seed).toArray()),
                DoubleColumn.create("accuracy", runs.stream().mapToDouble(Run::accuracy).toArray()),
                DoubleColumn.create("train accuracy", runs.stream().mapToDouble(Run::trainAccuracy).toArray()),
                DoubleColumn.create("CPU seconds", runs.stream().mapToDouble(Run::cpuSeconds).toArray()),
                LongColumn.create("work (forward passes)", runs.stream().mapToLong(Run::work).toArray()));
        for (String slice : slices()) {
            table.addColumns(DoubleColumn.create("accuracy " + slice,
                    runs.stream().mapToDouble(r -> r.slices().getOrDefault(slice, Double.NaN)).toArray()));
        }
        return Tables.decimals(table, 3);
    }

    /** One row per method and k: seeds, mean, min, max and spread of the accuracy, mean CPU seconds per run. */
    public Table summary() {
        Table table = Table.create(title, StringColumn.create("method"), IntColumn.create("k"), IntColumn.create("seeds"),
                DoubleColumn.create("mean"), DoubleColumn.create("min"), DoubleColumn.create("max"),
                DoubleColumn.create("sd"), DoubleColumn.create("CPU s per run"));
        for (String slice : slices()) {
            table.addColumns(DoubleColumn.create("mean " + slice));
        }
        for (String label : methods()) {
            for (int k : ks()) {
                List<Run> at = runs.stream().filter(r -> r.label().equals(label) && r.k() == k).toList();
                if (at.isEmpty()) {
                    continue;
                }
                double[] acc = at.stream().mapToDouble(Run::accuracy).toArray();
                table.stringColumn("method").append(label);
                table.intColumn("k").append(k);
                table.intColumn("seeds").append(acc.length);
                table.doubleColumn("mean").append(average(acc));
                table.doubleColumn("min").append(Arrays.stream(acc).min().orElseThrow());
                table.doubleColumn("max").append(Arrays.stream(acc).max().orElseThrow());
                table.doubleColumn("sd").append(sd(acc));
                table.doubleColumn("CPU s per run").append(average(at.stream().mapToDouble(Run::cpuSeconds).toArray()));
                for (String slice : slices()) {
                    table.doubleColumn("mean " + slice).append(average(at.stream()
                            .mapToDouble(r -> r.slices().getOrDefault(slice, Double.NaN)).toArray()));
                }
            }
        }
        Tables.decimals(table, 3);
        table.doubleColumn("CPU s per run").setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
        return table;
    }

    /** The gaps of {@code methods} to {@code baseline}, at every k both ran, paired by seed, in points. */
    public Table gaps(MethodKey baseline, List<? extends MethodKey> methods) {
        List<String> wanted = methods.stream().map(MethodKey::label).toList();
        Table all = gaps(baseline);
        return all.where(all.stringColumn("method").isIn(wanted));
    }

    /** Every other method's gap to {@code baseline}, at every k both ran, paired by seed, in points. */
    public Table gaps(MethodKey baseline) {
        Table table = Table.create(title + ": gap vs " + baseline.label() + " (points)", StringColumn.create("method"),
                IntColumn.create("k"), IntColumn.create("seeds"), DoubleColumn.create("gap"), DoubleColumn.create("sd"),
                DoubleColumn.create("worst seed"), DoubleColumn.create("best seed"));
        for (String label : methods()) {
            if (label.equals(baseline.label())) {
                continue;
            }
            for (int k : ks()) {
                if (!ran(label, k) || !ran(baseline.label(), k)) {
                    continue;
                }
                Gap gap = gap(label, baseline.label(), k);
                table.stringColumn("method").append(label);
                table.intColumn("k").append(k);
                table.intColumn("seeds").append(gap.perSeed().length);
                table.doubleColumn("gap").append(gap.mean());
                table.doubleColumn("sd").append(gap.spread());
                table.doubleColumn("worst seed").append(gap.worst());
                table.doubleColumn("best seed").append(gap.best());
            }
        }
        return Tables.signed(Tables.decimals(table, 1), 1, "gap", "worst seed", "best seed");
    }

    private boolean ran(String label, int k) {
        return runs.stream().anyMatch(r -> r.label().equals(label) && r.k() == k);
    }

    private Set<String> slices() {
        Set<String> slices = new LinkedHashSet<>();
        runs.forEach(r -> slices.addAll(r.slices().keySet()));
        return slices;
    }

    /** Accuracy against k, one curve per method: the mean over seeds, error bars from min to max. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT + 20).title(title)
                .xAxisTitle(xTitle).yAxisTitle("test accuracy").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        boolean logarithmic = ks().size() > 2 && ks().get(0) > 0
                && ks().get(ks().size() - 1) / (double) ks().get(0) >= 20;
        chart.getStyler().setXAxisLogarithmic(logarithmic);
        for (String label : methods()) {
            List<Integer> at = ks().stream().filter(k -> ran(label, k)).toList();
            double[] x = at.stream().mapToDouble(Integer::doubleValue).toArray();
            double[] mean = at.stream().mapToDouble(k -> statistic(label, k, a -> average(a))).toArray();
            double[] half = at.stream().mapToDouble(k -> statistic(label, k, a -> (max(a) - min(a)) / 2)).toArray();
            chart.addSeries(label, x, mean, half);
        }
        return chart;
    }

    private double statistic(String label, int k, ToDoubleFunction<double[]> f) {
        return f.applyAsDouble(runs(label, k).stream().mapToDouble(Run::accuracy).toArray());
    }

    /** The gap to {@code baseline} at {@code k}, one bar per method, error bars one standard deviation. */
    public CategoryChart gapChart(MethodKey baseline, int k) {
        List<String> others = methods().stream().filter(m -> !m.equals(baseline.label()) && ran(m, k)).toList();
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(title + " (k = " + k + ")").xAxisTitle("method").yAxisTitle("gap vs " + baseline.label() + " (points)")
                .build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(others.size() > 3 ? 25 : 0);
        List<Double> values = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (String label : others) {
            Gap gap = gap(label, baseline.label(), k);
            values.add(gap.mean());
            errors.add(gap.spread());
        }
        chart.addSeries("gap", others, values, errors);
        return chart;
    }

    /** The gap to {@code baseline} against k, one line per method, and the zero line. */
    public XYChart gapCurve(MethodKey baseline) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title("Transfer gap vs "
                + baseline.label()).xAxisTitle(xTitle).yAxisTitle("gap (points)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<Integer> ks = ks().stream().filter(k -> ran(baseline.label(), k)).toList();
        if (ks.isEmpty()) {
            throw new IllegalArgumentException("no runs of the baseline '" + baseline.label() + "' to draw gaps to; the "
                    + "results have " + methods() + ": run it in the same experiment");
        }
        for (String label : methods()) {
            List<Integer> at = ks.stream().filter(k -> ran(label, k)).toList();
            if (label.equals(baseline.label()) || at.isEmpty()) {
                continue;
            }
            chart.addSeries(label, at.stream().mapToDouble(Integer::doubleValue).toArray(),
                    at.stream().mapToDouble(k -> gap(label, baseline.label(), k).mean()).toArray());
        }
        double[] x = ks.stream().mapToDouble(Integer::doubleValue).toArray();
        chart.addSeries("no gap", x, new double[x.length]).setLineStyle(SeriesLines.DASH_DASH);
        return chart;
    }

    /** Mean accuracy per slice (group) and method at {@code k}, error bars spanning the seeds. */
    public CategoryChart sliceChart(int k, String... slices) {
        List<String> labels = methods().stream().filter(m -> ran(m, k)).toList();
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle("method").yAxisTitle("test accuracy").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        // long method names side by side overlap: slant them
        chart.getStyler().setXAxisLabelRotation(labels.size() > 3 || String.join("", labels).length() > 60 ? 20 : 0);
        double low = 1;
        for (String slice : slices) {
            List<Double> means = new ArrayList<>();
            List<Double> halfRanges = new ArrayList<>();
            for (String label : labels) {
                double[] acc = runs(label, k).stream().mapToDouble(r -> r.accuracy(slice)).toArray();
                means.add(average(acc));
                halfRanges.add((max(acc) - min(acc)) / 2);
                low = Math.min(low, min(acc));
            }
            chart.addSeries(slice, labels, means, halfRanges);
        }
        chart.getStyler().setYAxisMin(Math.max(0, Math.floor(low * 10 - 1) / 10));
        chart.getStyler().setYAxisMax(1.0);
        return chart;
    }

    @Override
    public Object view() {
        return summary();
    }

    private static double average(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElseThrow();
    }

    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double mean = average(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
    }
}
