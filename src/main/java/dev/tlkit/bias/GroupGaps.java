package dev.tlkit.bias;

import dev.tlkit.viz.Charts;
import dev.tlkit.viz.Showable;
import dev.tlkit.viz.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-group accuracy of several models (methods), each run on several seeds, and the gap between
 * two groups: accuracy(first group) - accuracy(second group), in points. Shows as a table of mean and
 * spread per method and as a grouped bar chart.
 */
public final class GroupGaps implements Showable {
    private final String title;
    private final String first;
    private final String second;
    private final Map<String, List<GroupMetrics>> runs = new LinkedHashMap<>();

    /** Gaps of {@code first} minus {@code second}, e.g. normal minus inverted images. */
    public GroupGaps(String title, String first, String second) {
        this.title = title;
        this.first = first;
        this.second = second;
    }

    /** One run (one seed) of {@code method}. */
    public GroupGaps add(String method, GroupMetrics metrics) {
        metrics.of(first);
        metrics.of(second);
        runs.computeIfAbsent(method, m -> new ArrayList<>()).add(metrics);
        return this;
    }

    public List<String> methods() {
        return new ArrayList<>(runs.keySet());
    }

    /** The gap of every run of {@code method}, in points. */
    public double[] gaps(String method) {
        return get(method).stream().mapToDouble(m -> 100 * m.accuracyGap(first, second)).toArray();
    }

    public double meanGap(String method) {
        return mean(gaps(method));
    }

    /** Mean over runs of the overall accuracy (all groups together), 0..1. */
    public double meanAccuracy(String method) {
        return get(method).stream().mapToDouble(m -> m.accuracy(GroupMetrics.OVERALL)).average().orElseThrow();
    }

    /** Mean over runs of one group's accuracy, 0..1. */
    public double meanAccuracy(String method, String group) {
        return get(method).stream().mapToDouble(m -> m.accuracy(group)).average().orElseThrow();
    }

    private List<GroupMetrics> get(String method) {
        List<GroupMetrics> list = runs.get(method);
        if (list == null) {
            throw new IllegalArgumentException("no runs of '" + method + "'; the methods are " + methods());
        }
        return list;
    }

    /** One row per method: runs, mean accuracy overall and per group, and the gap's mean, min and max. */
    public Table table() {
        List<String> methods = methods();
        Table table = Table.create(title, StringColumn.create("method", methods),
                IntColumn.create("runs", methods.stream().mapToInt(m -> get(m).size()).toArray()),
                DoubleColumn.create("accuracy overall", methods.stream().mapToDouble(this::meanAccuracy).toArray()),
                DoubleColumn.create("accuracy " + first, methods.stream().mapToDouble(m -> meanAccuracy(m, first)).toArray()),
                DoubleColumn.create("accuracy " + second, methods.stream().mapToDouble(m -> meanAccuracy(m, second)).toArray()),
                DoubleColumn.create("gap (points)", methods.stream().mapToDouble(this::meanGap).toArray()),
                DoubleColumn.create("gap min", methods.stream().mapToDouble(m -> min(gaps(m))).toArray()),
                DoubleColumn.create("gap max", methods.stream().mapToDouble(m -> max(gaps(m))).toArray()));
        Tables.decimals(table, 3);
        return Tables.signed(table, 1, "gap (points)", "gap min", "gap max");
    }

    /** Mean accuracy per group and method, with error bars spanning the runs' range. */
    public CategoryChart chart() {
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle("method").yAxisTitle("test accuracy").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setXAxisLabelRotation(runs.size() > 3 ? 20 : 0);
        double low = 1;
        for (String group : List.of(first, second)) {
            List<Double> means = new ArrayList<>();
            List<Double> halfRanges = new ArrayList<>();
            for (String method : methods()) {
                double[] acc = get(method).stream().mapToDouble(m -> m.accuracy(group)).toArray();
                means.add(mean(acc));
                halfRanges.add((max(acc) - min(acc)) / 2);
                low = Math.min(low, min(acc));
            }
            chart.addSeries(group, methods(), means, halfRanges);
        }
        chart.getStyler().setYAxisMin(Math.max(0, Math.floor(low * 10 - 1) / 10));
        chart.getStyler().setYAxisMax(1.0);
        return chart;
    }

    @Override
    public Object view() {
        return table();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }
}
