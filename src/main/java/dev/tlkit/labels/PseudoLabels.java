package dev.tlkit.labels;

import dev.tlkit.eval.Predictions;
import dev.tlkit.data.FeatureSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Pseudo-labels: a model's own confident predictions on unlabelled examples, used as if they were
 * labels (self-training, Lee 2013). Only predictions whose top probability reaches a threshold are
 * kept — the rest are too likely to be wrong and would teach the model its own mistakes.
 */
public record PseudoLabels(int[] indices, int[] labels, int[] trueLabels) {

    /**
     * The examples of {@code predictions} whose predicted class has probability at least
     * {@code threshold}, labelled with that class. (The predictions also hold the true labels; they are
     * kept only to report how accurate the pseudo-labels are — an experiment's privilege.)
     */
    public static PseudoLabels confident(Predictions predictions, double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("the confidence threshold must be in (0, 1], got " + threshold);
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            if (predictions.confidence(i) >= threshold) {
                kept.add(i);
            }
        }
        int[] indices = kept.stream().mapToInt(Integer::intValue).toArray();
        int[] labels = new int[indices.length];
        int[] truth = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            labels[j] = predictions.predicted(indices[j]);
            truth[j] = predictions.label(indices[j]);
        }
        return new PseudoLabels(indices, labels, truth);
    }

    public int size() {
        return indices.length;
    }

    /** Share of pseudo-labels that agree with the true labels (NaN when none were kept). */
    public double accuracy() {
        if (indices.length == 0) {
            return Double.NaN;
        }
        int right = 0;
        for (int j = 0; j < indices.length; j++) {
            right += labels[j] == trueLabels[j] ? 1 : 0;
        }
        return (double) right / indices.length;
    }

    /** {@code labelled} followed by the pseudo-labelled examples of {@code pool} (with their pseudo-labels). */
    public FeatureSet appendTo(FeatureSet labelled, FeatureSet pool) {
        return labelled.concat(pool.select(indices).withLabels(labels, "pseudo-labelled"),
                labelled.name() + " + " + indices.length + " pseudo-labelled");
    }
}
