package dev.tlkit.bias;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Post-processing for a binary task: a decision threshold per group on the model's score for the
 * positive class. {@link #equalOpportunity} picks, in every group, the highest threshold that
 * reaches a common true-positive rate — so qualified examples are selected equally often in
 * every group (Hardt et al. 2016's "equal opportunity", without randomisation).
 */
public final class GroupThresholds {
    private final Map<String, Double> thresholds;

    private GroupThresholds(Map<String, Double> thresholds) {
        this.thresholds = thresholds;
    }

    /** One threshold for everybody. */
    public static GroupThresholds single(double threshold, String... groups) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (String g : groups) {
            map.put(g, threshold);
        }
        return new GroupThresholds(map);
    }

    /**
     * Per group, the highest threshold at which at least {@code targetTruePositiveRate} of that
     * group's positives score at or above it. Fit on held-out data, then {@link #apply} to new data.
     *
     * @throws IllegalArgumentException if a group has no positive example to fit on
     */
    public static GroupThresholds equalOpportunity(double[] scores, int[] labels, String[] groups,
                                                   double targetTruePositiveRate) {
        if (scores.length != labels.length || scores.length != groups.length) {
            throw new IllegalArgumentException("scores, labels and groups must have the same length");
        }
        if (targetTruePositiveRate <= 0 || targetTruePositiveRate > 1) {
            throw new IllegalArgumentException("the target true-positive rate must be in (0, 1], got "
                    + targetTruePositiveRate);
        }
        Map<String, java.util.List<Double>> positives = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            java.util.List<Double> groupScores = positives.computeIfAbsent(groups[i], g -> new java.util.ArrayList<>());
            if (labels[i] == 1) {
                groupScores.add(scores[i]);
            }
        }
        Map<String, Double> thresholds = new LinkedHashMap<>();
        positives.forEach((g, s) -> {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("group '" + g + "' has no positive example: its true-positive rate"
                        + " is undefined, so no threshold can be fitted for it");
            }
            double[] sorted = s.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            int needed = (int) Math.ceil(targetTruePositiveRate * n - 1e-9);
            thresholds.put(g, sorted[n - needed]);
        });
        return new GroupThresholds(thresholds);
    }

    /** The threshold of {@code group}. */
    public double threshold(String group) {
        Double t = thresholds.get(group);
        if (t == null) {
            throw new IllegalArgumentException("no threshold for group '" + group + "'; known groups: "
                    + thresholds.keySet());
        }
        return t;
    }

    /** 1 where the score reaches its group's threshold, else 0. */
    public int[] apply(double[] scores, String[] groups) {
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = scores[i] >= threshold(groups[i]) ? 1 : 0;
        }
        return out;
    }

    /** The same groups with exactly the same thresholds (the printed form rounds them). */
    @Override
    public boolean equals(Object o) {
        return o instanceof GroupThresholds other && thresholds.equals(other.thresholds);
    }

    @Override
    public int hashCode() {
        return thresholds.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("thresholds per group:");
        thresholds.forEach((g, t) -> sb.append(String.format(" %s %.3f;", g, t)));
        return sb.toString();
    }
}
