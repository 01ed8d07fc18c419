package dev.tlkit.labels;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.LabelSampling;
import dev.tlkit.data.LabelledSet;
import dev.tlkit.data.Task;
import dev.tlkit.eval.Predictions;
import dev.tlkit.experiments.Results;
import dev.tlkit.models.FeatureExtractor;
import dev.tlkit.recipes.MethodKey;
import dev.tlkit.recipes.Run;
import dev.tlkit.train.LinearProbe;
import dev.tlkit.viz.ProgressBar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Pool-based active learning with a linear probe: start from a few labelled examples, and in every
 * round ask an oracle (here: the pool's hidden true labels) for the labels of the examples chosen by
 * a {@link Strategy}, refit, and measure test accuracy.
 */
public final class ActiveLearning {
    /** How the next examples to label are chosen. */
    public enum Strategy implements MethodKey {
        /** At random from the unlabelled pool (the baseline). */
        RANDOM("random sampling"),
        /** Those the current model is least sure about: the smallest margin between its top two classes. */
        UNCERTAINTY("uncertainty sampling");

        private final String label;

        Strategy(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** The probe's test predictions after a round, with the number of labels used so far. */
    public record Round(int labels, Predictions predictions) {
        public double accuracy() {
            return predictions.accuracy();
        }
    }

    private ActiveLearning() {
    }

    /**
     * Runs {@code rounds} rounds of {@code perRound} new labels each, starting from the pool examples at
     * {@code initial}; the first entry of the result is the accuracy before any query.
     */
    public static <S> List<Round> run(FeatureExtractor<S> backbone, FeatureSet pool, int[] initial, Strategy strategy,
                                      int perRound, int rounds, FeatureSet test, long seed) {
        if (perRound < 1 || rounds < 0) {
            throw new IllegalArgumentException("need at least one label per round and a non-negative number of rounds");
        }
        if ((long) initial.length + (long) perRound * rounds > pool.size()) {
            throw new IllegalArgumentException("the pool has " + pool.size() + " examples, fewer than the "
                    + (initial.length + perRound * rounds) + " labels asked for");
        }
        Set<Integer> labelled = new LinkedHashSet<>();
        Arrays.stream(initial).forEach(labelled::add);
        Random random = new Random(seed);
        List<Round> history = new ArrayList<>();
        for (int r = 0; r <= rounds; r++) {
            int[] chosen = labelled.stream().mapToInt(Integer::intValue).toArray();
            try (LinearProbe<S> probe = LinearProbe.fit(backbone, pool.select(chosen), seed)) {
                history.add(new Round(chosen.length, probe.predict(test)));
                if (r == rounds) {
                    break;
                }
                List<Integer> next = strategy == Strategy.RANDOM
                        ? randomPick(pool.size(), labelled, perRound, random)
                        : leastMargin(probe.predict(pool), labelled, perRound);
                labelled.addAll(next);
            }
        }
        return history;
    }

    /**
     * Both strategies on {@code seeds} random pools of {@code poolSize} unlabelled examples of the task's training
     * set, each starting from one label per class and buying {@code perRound} labels in each of {@code rounds}
     * rounds; every model tested on the task's test set. In the results, k is the number of labels in total.
     */
    public static <S extends LabelledSet<S>> Results compare(FeatureExtractor<S> backbone, Task<S> task, int poolSize,
                                                             int perRound, int rounds, int seeds) {
        FeatureSet test = backbone.features(task.test());
        List<Run> runs = new ArrayList<>();
        ProgressBar bar = ProgressBar.start("active learning", seeds * Strategy.values().length);
        for (long seed = 1; seed <= seeds; seed++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < task.train().size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(100 + seed));
            int[] chosen = order.subList(0, poolSize).stream().mapToInt(Integer::intValue).toArray();
            FeatureSet pool = backbone.features(task.train().select(chosen, "unlabelled pool"));
            int[] start = LabelSampling.perClass(pool.labels(), pool.numClasses(), 1, seed);
            for (Strategy strategy : Strategy.values()) {
                for (Round round : run(backbone, pool, start, strategy, perRound, rounds, test, seed)) {
                    runs.add(new Run(strategy.label(), "", round.labels(), seed, round.accuracy(), Double.NaN, 0, 0,
                            round.labels(), 0, Map.of(), round.predictions(), Optional.empty(), Map.of()));
                }
                bar.step(strategy.label() + ", seed " + seed);
            }
        }
        bar.finish("done");
        return new Results("Active learning with a linear probe on " + backbone.name(), "labels in total", runs);
    }

    private static List<Integer> randomPick(int size, Set<Integer> labelled, int n, Random random) {
        List<Integer> picked = new ArrayList<>();
        while (picked.size() < n) {
            int i = random.nextInt(size);
            if (!labelled.contains(i) && !picked.contains(i)) {
                picked.add(i);
            }
        }
        return picked;
    }

    /** The {@code n} unlabelled examples with the smallest margin between the top two probabilities. */
    static List<Integer> leastMargin(Predictions predictions, Set<Integer> labelled, int n) {
        List<Integer> candidates = new ArrayList<>();
        double[] margin = new double[predictions.size()];
        for (int i = 0; i < predictions.size(); i++) {
            if (labelled.contains(i)) {
                continue;
            }
            float[] p = predictions.probabilities(i);
            float first = Float.NEGATIVE_INFINITY;
            float second = Float.NEGATIVE_INFINITY;
            for (float v : p) {
                if (v > first) {
                    second = first;
                    first = v;
                } else if (v > second) {
                    second = v;
                }
            }
            margin[i] = first - second;
            candidates.add(i);
        }
        candidates.sort((a, b) -> a.equals(b) ? 0 : margin[a] != margin[b] ? Double.compare(margin[a], margin[b])
                : Integer.compare(a, b));
        return candidates.subList(0, Math.min(n, candidates.size()));
    }
}
