package dev.tlkit.bias;

import dev.tlkit.viz.Showable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Metrics per group and overall, in the spirit of Fairlearn's {@code MetricFrame}: for every group
 * the count, accuracy, selection rate, true-positive rate and false-positive rate, plus the
 * disparity measures built on them ({@link #demographicParityDifference()} and friends).
 * <p>
 * For a multi-class task the rates are one-vs-rest for one {@code positive} class (the "selected"
 * examples are those predicted as that class); accuracy is always the multi-class accuracy.
 * Definitions follow Fairlearn: a rate whose denominator is zero (for example the true-positive
 * rate of a group without positives) is 0, as scikit-learn's normalised confusion matrix gives.
 */
public final class GroupMetrics implements Showable {
    /** Name of the row over all examples. */
    public static final String OVERALL = "overall";

    /** The counts behind one row. */
    public record Counts(int count, int correct, int selected, int positives, int truePositives, int negatives,
                         int falsePositives) {
        public double accuracy() {
            return ratio(correct, count);
        }

        public double selectionRate() {
            return ratio(selected, count);
        }

        public double truePositiveRate() {
            return ratio(truePositives, positives);
        }

        public double falsePositiveRate() {
            return ratio(falsePositives, negatives);
        }

        private static double ratio(int numerator, int denominator) {
            return denominator == 0 ? 0.0 : (double) numerator / denominator;
        }
    }

    private final String title;
    private final Map<String, Counts> byGroup;
    private final Counts overall;

    private GroupMetrics(String title, Map<String, Counts> byGroup, Counts overall) {
        this.title = title;
        this.byGroup = byGroup;
        this.overall = overall;
    }

    /** A binary task: labels and predictions are 0 or 1, and 1 is the positive (selected) outcome. */
    public static GroupMetrics binary(int[] labels, int[] predicted, String[] groups) {
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] != 0 && labels[i] != 1) || (i < predicted.length && predicted[i] != 0 && predicted[i] != 1)) {
                throw new IllegalArgumentException("a binary task needs labels and predictions 0 or 1; example " + i
                        + " has label " + labels[i] + " and prediction " + (i < predicted.length ? predicted[i] : "none")
                        + " (use oneVsRest for a multi-class task)");
            }
        }
        return oneVsRest("per-group metrics", labels, predicted, groups, 1);
    }

    /** A multi-class task, rates one-vs-rest for class {@code positive}. */
    public static GroupMetrics oneVsRest(String title, int[] labels, int[] predicted, String[] groups, int positive) {
        if (labels.length != predicted.length || labels.length != groups.length) {
            throw new IllegalArgumentException("labels, predictions and groups must have the same length, got "
                    + labels.length + ", " + predicted.length + " and " + groups.length);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("no examples: per-group metrics need at least one prediction");
        }
        Map<String, int[]> tallies = new LinkedHashMap<>();
        int[] all = new int[7];
        for (int i = 0; i < labels.length; i++) {
            if (groups[i] == null) {
                throw new IllegalArgumentException("example " + i + " has no group");
            }
            int[] t = tallies.computeIfAbsent(groups[i], g -> new int[7]);
            tally(t, labels[i], predicted[i], positive);
            tally(all, labels[i], predicted[i], positive);
        }
        Map<String, Counts> byGroup = new LinkedHashMap<>();
        tallies.forEach((g, t) -> byGroup.put(g, counts(t)));
        return new GroupMetrics(title, byGroup, counts(all));
    }

    /** A model's predictions on examples whose groups are given, rates one-vs-rest for class {@code positive}. */
    public static GroupMetrics of(String title, dev.tlkit.eval.Predictions predictions, String[] groups, int positive) {
        int[] labels = new int[predictions.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = predictions.label(i);
        }
        return oneVsRest(title, labels, predictions.predictedLabels(), groups, positive);
    }

    private static void tally(int[] t, int label, int predicted, int positive) {
        boolean isPositive = label == positive;
        boolean selected = predicted == positive;
        t[0]++;
        t[1] += label == predicted ? 1 : 0;
        t[2] += selected ? 1 : 0;
        t[3] += isPositive ? 1 : 0;
        t[4] += isPositive && selected ? 1 : 0;
        t[5] += isPositive ? 0 : 1;
        t[6] += !isPositive && selected ? 1 : 0;
    }

    private static Counts counts(int[] t) {
        return new Counts(t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
    }

    /** The groups in order of first appearance. */
    public List<String> groups() {
        return new ArrayList<>(byGroup.keySet());
    }

    /** The counts of {@code group}, or of all examples for {@link #OVERALL}. */
    public Counts of(String group) {
        if (OVERALL.equals(group)) {
            return overall;
        }
        Counts counts = byGroup.get(group);
        if (counts == null) {
            throw new IllegalArgumentException("no group '" + group + "'; the groups are " + groups());
        }
        return counts;
    }

    public double accuracy(String group) {
        return of(group).accuracy();
    }

    /** Accuracy of group {@code a} minus accuracy of group {@code b}. */
    public double accuracyGap(String a, String b) {
        return accuracy(a) - accuracy(b);
    }

    /** Largest minus smallest selection rate over the groups (0 = parity). */
    public double demographicParityDifference() {
        return spread(Counts::selectionRate);
    }

    /** Smallest over largest selection rate (1 = parity; NaN if no group selects anything). */
    public double demographicParityRatio() {
        double max = max(Counts::selectionRate);
        return max == 0 ? Double.NaN : min(Counts::selectionRate) / max;
    }

    /**
     * The larger of the true-positive-rate difference and the false-positive-rate difference
     * between groups (Fairlearn's {@code equalized_odds_difference}, worst case).
     */
    public double equalizedOddsDifference() {
        return Math.max(spread(Counts::truePositiveRate), spread(Counts::falsePositiveRate));
    }

    /**
     * Selection rate of the {@code unprivileged} group over that of the {@code privileged} group;
     * below 0.8 fails the "four-fifths rule" (NaN if the privileged group selects nothing).
     */
    public double disparateImpactRatio(String unprivileged, String privileged) {
        double reference = of(privileged).selectionRate();
        return reference == 0 ? Double.NaN : of(unprivileged).selectionRate() / reference;
    }

    private double spread(java.util.function.ToDoubleFunction<Counts> metric) {
        return max(metric) - min(metric);
    }

    private double max(java.util.function.ToDoubleFunction<Counts> metric) {
        return byGroup.values().stream().mapToDouble(metric).max().orElseThrow();
    }

    private double min(java.util.function.ToDoubleFunction<Counts> metric) {
        return byGroup.values().stream().mapToDouble(metric).min().orElseThrow();
    }

    /** One row per group and an overall row. */
    public Table table() {
        List<String> rows = groups();
        rows.add(OVERALL);
        Table table = Table.create(title, StringColumn.create("group", rows));
        table.addColumns(IntColumn.create("count", rows.stream().mapToInt(g -> of(g).count()).toArray()),
                column("accuracy", rows, Counts::accuracy),
                column("selection rate", rows, Counts::selectionRate),
                column("true-positive rate", rows, Counts::truePositiveRate),
                column("false-positive rate", rows, Counts::falsePositiveRate));
        return dev.tlkit.viz.Tables.decimals(table, 3);
    }

    /** The disparity measures as a table. */
    public Table disparities() {
        return dev.tlkit.viz.Tables.decimals(Table.create(title + ": disparities between groups",
                StringColumn.create("measure", "demographic-parity difference", "demographic-parity ratio",
                        "equalized-odds difference"),
                DoubleColumn.create("value", demographicParityDifference(), demographicParityRatio(),
                        equalizedOddsDifference())), 3);
    }

    private DoubleColumn column(String name, List<String> rows, java.util.function.ToDoubleFunction<Counts> metric) {
        return DoubleColumn.create(name, rows.stream().mapToDouble(g -> metric.applyAsDouble(of(g))).toArray());
    }

    @Override
    public Object view() {
        return table();
    }

    @Override
    public String toString() {
        return table().printAll();
    }
}
