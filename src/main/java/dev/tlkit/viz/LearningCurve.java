package dev.tlkit.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Accuracy against the number of labels per class, one curve per method, each point the mean over
 * seeds with its spread (min..max) drawn as error bars.
 */
public final class LearningCurve implements Showable {
    private final String title;
    private final Map<String, Map<Integer, List<Double>>> results = new LinkedHashMap<>();
    private final Map<String, Map<Integer, List<Double>>> seconds = new LinkedHashMap<>();

    public LearningCurve(String title) {
        this.title = title;
    }

    /** Records one run: {@code method} with {@code k} labels per class reached {@code accuracy}. */
    public LearningCurve add(String method, int k, double accuracy) {
        results.computeIfAbsent(method, m -> new java.util.TreeMap<>()).computeIfAbsent(k, x -> new ArrayList<>())
                .add(accuracy);
        return this;
    }

    /** Records one run and its wall time in seconds; the table then shows the mean time per run. */
    public LearningCurve add(String method, int k, double accuracy, double wallSeconds) {
        add(method, k, accuracy);
        seconds.computeIfAbsent(method, m -> new java.util.TreeMap<>()).computeIfAbsent(k, x -> new ArrayList<>())
                .add(wallSeconds);
        return this;
    }

    /** Mean wall time per run of {@code method} at {@code k}; NaN when no times were recorded. */
    public double seconds(String method, int k) {
        Map<Integer, List<Double>> byK = seconds.get(method);
        if (byK == null || !byK.containsKey(k)) {
            return Double.NaN;
        }
        return byK.get(k).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    public double mean(String method, int k) {
        return runs(method, k).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    public double min(String method, int k) {
        return runs(method, k).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    public double max(String method, int k) {
        return runs(method, k).stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    public List<Double> runs(String method, int k) {
        Map<Integer, List<Double>> byK = results.get(method);
        if (byK == null || !byK.containsKey(k)) {
            throw new IllegalArgumentException("no result for " + method + " at k = " + k);
        }
        return List.copyOf(byK.get(k));
    }

    /** One row per method and k: runs, mean, min, max (and seconds per run, when recorded). */
    public Table table() {
        Table table = Table.create(title, StringColumn.create("method"), IntColumn.create("k"), IntColumn.create("runs"),
                DoubleColumn.create("mean"), DoubleColumn.create("min"), DoubleColumn.create("max"));
        if (!seconds.isEmpty()) {
            table.addColumns(DoubleColumn.create("seconds per run"));
        }
        results.forEach((method, byK) -> byK.forEach((k, runs) -> {
            table.stringColumn("method").append(method);
            table.intColumn("k").append(k);
            table.intColumn("runs").append(runs.size());
            table.doubleColumn("mean").append(round(mean(method, k)));
            table.doubleColumn("min").append(round(min(method, k)));
            table.doubleColumn("max").append(round(max(method, k)));
            if (!seconds.isEmpty()) {
                table.doubleColumn("seconds per run").append(Math.round(seconds(method, k) * 10) / 10.0);
            }
        }));
        return table;
    }

    /** The curves on a logarithmic k axis, error bars from min to max. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(720).height(420).title(title)
                .xAxisTitle("labelled examples per class (k)").yAxisTitle("test accuracy").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        results.forEach((method, byK) -> {
            double[] x = byK.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] y = byK.keySet().stream().mapToDouble(k -> mean(method, k)).toArray();
            double[] spread = byK.keySet().stream().mapToDouble(k -> (max(method, k) - min(method, k)) / 2).toArray();
            chart.addSeries(method, x, y, spread);
        });
        return chart;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    @Override
    public Object view() {
        return chart();
    }
}
