package dev.tlkit.experiments;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A paired difference in points: one method's accuracy minus another's (or one group's minus another's) on
 * the same labelled data, seed by seed. The mean says how much better; the spread and the worst seed say
 * whether to believe it.
 *
 * @param of      what is measured, e.g. "linear probe (fashion-source-cnn)"
 * @param against what it is compared with, e.g. "from scratch (SmallCnn)"
 * @param perSeed the difference of each seed, in points, in seed order
 */
public record Gap(String of, String against, int k, long[] seeds, double[] perSeed) {

    public Gap {
        if (perSeed.length == 0 || perSeed.length != seeds.length) {
            throw new IllegalArgumentException("a gap needs at least one seed: " + of + " vs " + against + " at k = " + k);
        }
        seeds = seeds.clone();
        perSeed = perSeed.clone();
    }

    public double mean() {
        return Arrays.stream(perSeed).average().orElseThrow();
    }

    /** Sample standard deviation over seeds (0 for one seed). */
    public double spread() {
        if (perSeed.length < 2) {
            return 0;
        }
        double mean = mean();
        return Math.sqrt(Arrays.stream(perSeed).map(x -> (x - mean) * (x - mean)).sum() / (perSeed.length - 1));
    }

    /** The smallest difference over seeds: the worst case for "of". */
    public double worst() {
        return Arrays.stream(perSeed).min().orElseThrow();
    }

    /** The largest difference over seeds. */
    public double best() {
        return Arrays.stream(perSeed).max().orElseThrow();
    }

    /** True when every seed's difference is above {@code points}. */
    public boolean everySeedAbove(double points) {
        return worst() > points;
    }

    /** True when every seed's difference is below {@code points}. */
    public boolean everySeedBelow(double points) {
        return best() < points;
    }

    /** The per-seed differences, e.g. "+3.0, -1.2, +4.4". */
    public String seedsText() {
        return Arrays.stream(perSeed).mapToObj(v -> String.format(Locale.ROOT, "%+.1f", v))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s vs %s at k = %d: %+.1f points (sd %.1f; seeds %s)", of, against, k, mean(),
                spread(), seedsText());
    }
}
