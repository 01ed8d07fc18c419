package dev.tlkit.eval;

import dev.tlkit.viz.Charts;
import dev.tlkit.viz.Showable;
import dev.tlkit.viz.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Target accuracy of models transferred from several sources, and the <b>transfer gap</b>: accuracy
 * with the source minus accuracy of the baseline (training from scratch, end to end) on the same
 * labelled data — the same k and the same seed, so each gap is a paired difference. In points. If the
 * baseline has runs of several methods, each method is compared with the baseline's runs of the same method
 * (augmented probe vs plain probe, augmented scratch vs plain scratch).
 * A negative gap is negative transfer.
 */
public final class TransferGaps implements Showable {
    private final String title;
    private final String baseline;
    /** source -> method -> k -> seed -> accuracy. */
    private final Map<String, Map<String, Map<Integer, Map<Long, Double>>>> runs = new LinkedHashMap<>();

    /** {@code baseline} names the source whose runs the gaps are measured against, e.g. "from scratch". */
    public TransferGaps(String title, String baseline) {
        this.title = title;
        this.baseline = baseline;
    }

    /** One run: a model from {@code source}, reused by {@code method}, with k labels per class and this seed. */
    public TransferGaps add(String source, String method, int k, long seed, double accuracy) {
        runs.computeIfAbsent(source, s -> new LinkedHashMap<>()).computeIfAbsent(method, m -> new TreeMap<>())
                .computeIfAbsent(k, x -> new TreeMap<>()).put(seed, accuracy);
        return this;
    }

    /** A baseline run (the method is "end to end"). */
    public TransferGaps addBaseline(int k, long seed, double accuracy) {
        return add(baseline, "end to end", k, seed, accuracy);
    }

    private Map<Long, Double> seeds(String source, String method, int k) {
        Map<Long, Double> bySeed = runs.getOrDefault(source, Map.of()).getOrDefault(method, Map.of()).get(k);
        if (bySeed == null) {
            throw new IllegalArgumentException("no runs of " + source + " / " + method + " at k = " + k);
        }
        return bySeed;
    }

    /**
     * The baseline's runs to compare {@code method} with: the baseline's runs of the same method if it has
     * them (e.g. probe vs probe), else its only method's (e.g. scratch, "end to end").
     */
    private Map<Long, Double> baselineRuns(String method, int k) {
        Map<String, Map<Integer, Map<Long, Double>>> methods = runs.get(baseline);
        if (methods == null || methods.isEmpty()) {
            throw new IllegalStateException("no baseline runs yet: add them with addBaseline(k, seed, accuracy)");
        }
        Map<Integer, Map<Long, Double>> byK = methods.get(method);
        if (byK == null) {
            if (methods.size() > 1) {
                throw new IllegalStateException("the baseline '" + baseline + "' has runs of " + methods.keySet()
                        + " but not of '" + method + "': add a baseline run of that method");
            }
            byK = methods.values().iterator().next();
        }
        Map<Long, Double> bySeed = byK.get(k);
        if (bySeed == null) {
            throw new IllegalStateException("no baseline run at k = " + k);
        }
        return bySeed;
    }

    /** Mean accuracy over seeds, 0..1. */
    public double accuracy(String source, String method, int k) {
        return seeds(source, method, k).values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** The gap of every seed in points (only seeds the baseline also ran). */
    public double[] gaps(String source, String method, int k) {
        Map<Long, Double> base = baselineRuns(method, k);
        List<Double> out = new ArrayList<>();
        seeds(source, method, k).forEach((seed, acc) -> {
            if (!base.containsKey(seed)) {
                throw new IllegalStateException("seed " + seed + " of " + source + " / " + method + " at k = " + k
                        + " has no baseline run to compare with");
            }
            out.add(100 * (acc - base.get(seed)));
        });
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Mean gap in points. */
    public double gap(String source, String method, int k) {
        return java.util.Arrays.stream(gaps(source, method, k)).average().orElseThrow();
    }

    /** Sample standard deviation of the gap over seeds (0 for a single seed). */
    public double gapSpread(String source, String method, int k) {
        double[] g = gaps(source, method, k);
        if (g.length < 2) {
            return 0;
        }
        double mean = java.util.Arrays.stream(g).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(g).map(x -> (x - mean) * (x - mean)).sum() / (g.length - 1));
    }

    /** One row per source, method and k. */
    public Table table() {
        Table t = Table.create(title, StringColumn.create("source"), StringColumn.create("method"), IntColumn.create("k"),
                IntColumn.create("seeds"), DoubleColumn.create("accuracy"), DoubleColumn.create("min"),
                DoubleColumn.create("max"), DoubleColumn.create("gap (points)"), DoubleColumn.create("gap sd"),
                DoubleColumn.create("worst seed gap"));
        runs.forEach((source, methods) -> methods.forEach((method, byK) -> byK.forEach((k, bySeed) -> {
            t.stringColumn("source").append(source);
            t.stringColumn("method").append(method);
            t.intColumn("k").append(k);
            t.intColumn("seeds").append(bySeed.size());
            t.doubleColumn("accuracy").append(accuracy(source, method, k));
            t.doubleColumn("min").append(bySeed.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            t.doubleColumn("max").append(bySeed.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            boolean isBaseline = source.equals(baseline);
            t.doubleColumn("gap (points)").append(isBaseline ? 0 : gap(source, method, k));
            t.doubleColumn("gap sd").append(isBaseline ? 0 : gapSpread(source, method, k));
            t.doubleColumn("worst seed gap").append(isBaseline ? 0
                    : java.util.Arrays.stream(gaps(source, method, k)).min().orElseThrow());
        })));
        Tables.decimals(t, 3);
        return Tables.signed(t, 1, "gap (points)", "worst seed gap");
    }

    /** The gap at {@code k} per source, one bar series per method, error bars one standard deviation. */
    public CategoryChart chart(int k) {
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(title + " (k = " + k + ")").xAxisTitle("source").yAxisTitle("gap vs " + baseline + " (points)").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        List<String> methods = new ArrayList<>();
        runs.forEach((source, m) -> {
            if (!source.equals(baseline)) {
                m.keySet().forEach(method -> {
                    if (!methods.contains(method)) {
                        methods.add(method);
                    }
                });
            }
        });
        List<String> sources = runs.keySet().stream().filter(s -> !s.equals(baseline)).toList();
        for (String method : methods) {
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String source : sources) {
                boolean has = runs.get(source).containsKey(method) && runs.get(source).get(method).containsKey(k);
                values.add(has ? gap(source, method, k) : 0.0);
                errors.add(has ? gapSpread(source, method, k) : 0.0);
            }
            chart.addSeries(method, sources, values, errors);
        }
        return chart;
    }

    @Override
    public Object view() {
        return table();
    }
}
