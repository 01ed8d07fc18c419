package dev.tlkit.recipes;

import dev.tlkit.data.LabelledSet;
import java.util.Arrays;

/**
 * One way to train a model for a task from a few labels: a linear probe on a frozen backbone, fine-tuning it,
 * training from scratch, self-training... Every method runs on a {@link Trial} and returns a {@link Run}, so an
 * experiment can compare any of them. Methods are immutable values; their settings return new methods.
 *
 * @param <S> what the task's examples are
 */
public interface Method<S extends LabelledSet<S>> extends MethodKey {

    /** What the method does, e.g. "linear probe", "fine-tune top 1", "from scratch". */
    String name();

    /** What it starts from, e.g. "fashion-source-cnn" (empty if nothing). */
    String source();

    /** Trains on the trial's data and tests on the trial's test set. */
    Run run(Trial<S> trial);

    /** Whether the method is run at {@code k} labels per class (all by default; see {@link #onlyAt}). */
    default boolean runsAt(int k) {
        return true;
    }

    /** The name and source as one label: how results name the method. */
    @Override
    default String label() {
        return label(name(), source());
    }

    /** This method, run only at the given numbers of labels per class (e.g. a costly control at one k). */
    default Method<S> onlyAt(int... ks) {
        Method<S> method = this;
        int[] allowed = ks.clone();
        return new Method<>() {
            @Override
            public String name() {
                return method.name();
            }

            @Override
            public String source() {
                return method.source();
            }

            @Override
            public Run run(Trial<S> trial) {
                return method.run(trial);
            }

            @Override
            public boolean runsAt(int k) {
                return Arrays.stream(allowed).anyMatch(x -> x == k) && method.runsAt(k);
            }
        };
    }

    static String label(String name, String source) {
        return source.isEmpty() ? name : name + " (" + source + ")";
    }
}
