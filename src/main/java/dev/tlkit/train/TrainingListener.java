package dev.tlkit.train;

import dev.tlkit.nn.Network;
import java.util.function.DoubleSupplier;

/**
 * Hears a training run as it goes: after every step (the step's loss is read from the engine only if the
 * listener asks for it) and after every epoch. Returning false from either stops training.
 */
public interface TrainingListener {

    /** Before the first step, with the number of steps planned. */
    default void onStart(String name, int plannedSteps) {
    }

    /** After step {@code step} (1-based) of epoch {@code epoch}; {@code loss} gives that step's mean loss. */
    default boolean afterStep(int step, int epoch, DoubleSupplier loss) {
        return true;
    }

    /** After every epoch, with what it measured. */
    default boolean afterEpoch(TrainingHistory.Epoch epoch, Network network) {
        return true;
    }

    /** When training has ended, for whatever reason other than an exception. */
    default void onEnd(TrainingHistory history, Network network) {
    }
}
