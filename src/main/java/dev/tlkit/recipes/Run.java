package dev.tlkit.recipes;

import dev.tlkit.eval.Predictions;
import dev.tlkit.train.TrainingHistory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One training run of a method: what was trained from what, on how many labels, with which seed, and what
 * came out. Costs are CPU seconds (all threads of the process) and counted work (example passes through the
 * backbone); wall seconds are kept for information only.
 *
 * @param method        the method's name, e.g. "linear probe"
 * @param source        what it started from, e.g. "fashion-source-cnn" or "SmallCnn (random init)"
 * @param k             labelled examples per class it trained on (labels in total for active learning)
 * @param accuracy      accuracy on the task's test set, 0..1
 * @param trainAccuracy accuracy on its own training data in the last epoch (the head's, for a probe)
 * @param forwardPasses examples that went forward through the backbone in training (a probe: its cache)
 * @param backwardPasses examples whose gradients went back through the backbone (0 for a probe)
 * @param slices        accuracy on named parts of the test set (groups) or on further test sets
 * @param predictions   the predictions on the test set
 * @param history       the training loop's history, where a loop ran (a probe's: its head's)
 * @param blockChanges  how far fine-tuning moved each block from the source (relative change), when measured
 */
public record Run(String method, String source, int k, long seed, double accuracy, double trainAccuracy,
                  double seconds, double cpuSeconds, long forwardPasses, long backwardPasses,
                  Map<String, Double> slices, Predictions predictions, Optional<TrainingHistory> history,
                  Map<String, Double> blockChanges) {

    public Run {
        slices = Collections.unmodifiableMap(new LinkedHashMap<>(slices));
        blockChanges = Collections.unmodifiableMap(new LinkedHashMap<>(blockChanges));
    }

    /** The same run under another method's name (a method that wraps another, e.g. {@link Mixed}). */
    public Run named(String otherMethod) {
        return new Run(otherMethod, source, k, seed, accuracy, trainAccuracy, seconds, cpuSeconds, forwardPasses,
                backwardPasses, slices, predictions, history, blockChanges);
    }

    /** The method and its source as one label, e.g. "linear probe (fashion-source-cnn)". */
    public String label() {
        return Method.label(method, source);
    }

    /** Counted work in forward-pass equivalents: a backward pass costs about two forward passes. */
    public long work() {
        return forwardPasses + 2 * backwardPasses;
    }

    /** Accuracy on the named slice (a group of the test set, or a further test set). */
    public double accuracy(String slice) {
        Double value = slices.get(slice);
        if (value == null) {
            throw new IllegalArgumentException("this run has no slice '" + slice + "'; it has " + slices.keySet());
        }
        return value;
    }
}
