package dev.tlkit.labels;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.LabelSampling;
import dev.tlkit.data.LabelledSet;
import dev.tlkit.data.Task;
import dev.tlkit.recipes.FeatureCache;
import dev.tlkit.recipes.Method;
import dev.tlkit.models.FeatureExtractor;
import dev.tlkit.train.LinearProbe;
import dev.tlkit.viz.Showable;
import dev.tlkit.viz.Tables;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Self-training with a linear probe: fit on the labelled features, pseudo-label the confident part
 * of the unlabelled pool, refit on both, and repeat. Each round starts again from the real labels
 * plus the newest pseudo-labels (earlier mistakes are not carried over).
 */
public final class SelfTraining {
    /** What one round did. */
    public record Round(int round, int pseudoLabelled, double pseudoLabelAccuracy) {
    }

    /** The final probe (the caller closes it) and the rounds. */
    public record Result<S>(LinearProbe<S> probe, List<Round> rounds) implements Showable {
        public Table table() {
            return Tables.decimals(Table.create("self-training rounds",
                    IntColumn.create("round", rounds.stream().mapToInt(Round::round).toArray()),
                    IntColumn.create("pseudo-labelled", rounds.stream().mapToInt(Round::pseudoLabelled).toArray()),
                    DoubleColumn.create("pseudo-label accuracy", rounds.stream().mapToDouble(Round::pseudoLabelAccuracy).toArray())), 3);
        }

        @Override
        public Object view() {
            return table();
        }
    }

    private SelfTraining() {
    }

    /**
     * Self-training as a method for an experiment: each trial's labelled examples plus {@code unlabelled} others
     * of the task's pool, pseudo-labelled where the probe is at least {@code threshold} sure, for {@code rounds}.
     */
    public static <S extends LabelledSet<S>> Method<S> method(FeatureExtractor<S> extractor, int unlabelled,
                                                              double threshold, int rounds) {
        return new SelfTrainingMethod<>(extractor, unlabelled, threshold, rounds);
    }

    /**
     * The rounds of one self-training run as the experiment's method does it: {@code k} labels per class of the
     * task's pool drawn with {@code seed}, plus {@code unlabelled} other examples. Close the result's probe.
     */
    public static <S extends LabelledSet<S>> Result<S> rounds(FeatureExtractor<S> extractor, Task<S> task, int k,
                                                              int unlabelled, double threshold, int rounds, long seed) {
        S pool = task.train();
        int[] labelled = LabelSampling.perClass(pool.labels(), pool.numClasses(), k, seed);
        return new SelfTrainingMethod<>(extractor, unlabelled, threshold, rounds).train(pool, labelled,
                new FeatureCache(), seed);
    }

    public static <S> Result<S> run(FeatureExtractor<S> backbone, FeatureSet labelled, FeatureSet unlabelled, double threshold,
                                    int rounds, long seed) {
        if (rounds < 1) {
            throw new IllegalArgumentException("self-training needs at least one round, got " + rounds);
        }
        LinearProbe<S> probe = LinearProbe.fit(backbone, labelled, seed);
        List<Round> history = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            PseudoLabels pseudo = PseudoLabels.confident(probe.predict(unlabelled), threshold);
            history.add(new Round(r, pseudo.size(), pseudo.accuracy()));
            probe.close();
            probe = LinearProbe.fit(backbone, pseudo.appendTo(labelled, unlabelled), seed);
        }
        return new Result<>(probe, history);
    }
}
