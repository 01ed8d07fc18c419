package dev.tlkit.experiments;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.LabelSampling;
import dev.tlkit.data.LabelledSet;
import dev.tlkit.data.Task;
import dev.tlkit.eval.SourceScores;
import dev.tlkit.models.FeatureExtractor;
import dev.tlkit.train.LinearProbe;
import dev.tlkit.viz.Showable;
import dev.tlkit.viz.Tables;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Scores of candidate sources on a task, before any real target training: a handful of labelled target examples
 * go through each frozen source. Two scores: leave-one-out 1-nearest-neighbour accuracy on {@code scorePerClass}
 * examples per class (no training at all), and the accuracy of a linear probe trained on them and tested on
 * {@code checkPerClass} other examples per class.
 *
 * @param sources        the sources' names, in the order given
 * @param nearestNeighbour the 1-NN score of each source
 * @param fewShot        the few-shot probe score of each source
 */
public record SourceRanking(String title, List<String> sources, double[] nearestNeighbour, double[] fewShot)
        implements Showable {

    public SourceRanking {
        sources = List.copyOf(sources);
        nearestNeighbour = nearestNeighbour.clone();
        fewShot = fewShot.clone();
    }

    /** Scores every source on examples of the task's pool drawn with {@code seed} (the same for every source). */
    public static <S extends LabelledSet<S>> SourceRanking of(Task<S> task, List<? extends FeatureExtractor<S>> sources,
                                                              int scorePerClass, int checkPerClass, long seed) {
        S pool = task.train();
        int[] drawn = LabelSampling.perClass(pool.labels(), pool.numClasses(), scorePerClass + checkPerClass, seed);
        int[] seen = new int[pool.numClasses()];
        int[] score = Arrays.stream(drawn).filter(i -> seen[pool.label(i)]++ < scorePerClass).toArray();
        int[] check = Arrays.stream(drawn).filter(i -> Arrays.stream(score).noneMatch(j -> j == i)).toArray();
        S few = pool.select(score, scorePerClass + " per class");
        S others = pool.select(check, checkPerClass + " others per class");
        double[] nn = new double[sources.size()];
        double[] probe = new double[sources.size()];
        for (int s = 0; s < sources.size(); s++) {
            FeatureSet features = sources.get(s).features(few);
            nn[s] = SourceScores.nearestNeighbourAccuracy(features);
            try (LinearProbe<S> p = LinearProbe.fit(sources.get(s), features, seed)) {
                probe[s] = p.predict(others).accuracy();
            }
        }
        return new SourceRanking("Scores before the real target training (" + task.name() + ")",
                sources.stream().map(FeatureExtractor::name).toList(), nn, probe);
    }

    /** The source with the best few-shot probe score. */
    public String bestByFewShot() {
        return sources.get(argMax(fewShot));
    }

    /** The source with the best 1-NN score. */
    public String bestByNearestNeighbour() {
        return sources.get(argMax(nearestNeighbour));
    }

    /**
     * Spearman's rank correlation of each score with what the sources reached ({@code accuracies[i]} for source
     * i, e.g. a probe's accuracy at k = 50): 1 = the same order, 0 = unrelated, -1 = reversed.
     */
    public Table correlations(String what, double[] accuracies) {
        if (accuracies.length != sources.size()) {
            throw new IllegalArgumentException(accuracies.length + " accuracies for " + sources.size() + " sources");
        }
        return Tables.decimals(Table.create("Rank correlation with " + what,
                StringColumn.create("score", "1-NN (no training)", "few-shot probe"),
                DoubleColumn.create("Spearman's rho", SourceScores.spearman(nearestNeighbour, accuracies),
                        SourceScores.spearman(fewShot, accuracies))), 2);
    }

    public Table table() {
        return Tables.decimals(Table.create(title, StringColumn.create("source", sources),
                DoubleColumn.create("1-NN (leave-one-out)", nearestNeighbour),
                DoubleColumn.create("few-shot probe", fewShot)), 3);
    }

    @Override
    public Object view() {
        return table();
    }

    private static int argMax(double[] values) {
        return IntStream.range(0, values.length).reduce((a, b) -> values[b] > values[a] ? b : a).orElseThrow();
    }
}
