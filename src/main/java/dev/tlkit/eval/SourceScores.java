package dev.tlkit.eval;

import dev.tlkit.data.FeatureSet;

/**
 * Cheap scores of how well a source's features suit a target task, computed before any target
 * training: only a handful of labelled target images pass through the frozen backbone.
 */
public final class SourceScores {
    private SourceScores() {
    }

    /**
     * Leave-one-out 1-nearest-neighbour accuracy (cosine similarity) on the features of a few labelled
     * target images: how often an image's closest other image has its class. No training at all.
     */
    public static double nearestNeighbourAccuracy(FeatureSet features) {
        int n = features.size();
        if (n < 2) {
            throw new IllegalArgumentException("leave-one-out needs at least 2 labelled images, got " + n);
        }
        double[][] unit = new double[n][];
        for (int i = 0; i < n; i++) {
            float[] v = features.vector(i);
            double norm = 0;
            for (float x : v) {
                norm += x * (double) x;
            }
            norm = Math.sqrt(norm);
            unit[i] = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                unit[i][j] = norm == 0 ? 0 : v[j] / norm;
            }
        }
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestSimilarity = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double s = 0;
                for (int d = 0; d < unit[i].length; d++) {
                    s += unit[i][d] * unit[j][d];
                }
                if (s > bestSimilarity) {
                    bestSimilarity = s;
                    best = j;
                }
            }
            correct += features.label(best) == features.label(i) ? 1 : 0;
        }
        return (double) correct / n;
    }

    /**
     * Spearman's rank correlation of two score lists (ties get their average rank): 1 when both rank
     * the items the same way, -1 when in reverse.
     */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("rank correlation needs two lists of the same length >= 2, got "
                    + a.length + " and " + b.length);
        }
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = java.util.Arrays.stream(ra).average().orElseThrow();
        double mb = java.util.Arrays.stream(rb).average().orElseThrow();
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (ra[i] - ma) * (rb[i] - mb);
            va += (ra[i] - ma) * (ra[i] - ma);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }
        return va == 0 || vb == 0 ? Double.NaN : cov / Math.sqrt(va * vb);
    }

    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                ranks[order[t]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }
}
