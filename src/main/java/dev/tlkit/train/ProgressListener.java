package dev.tlkit.train;

import dev.tlkit.nn.Network;
import dev.tlkit.viz.ProgressBar;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/** The progress bar of one training run: steps done, epoch and the running loss, a few times a second. */
final class ProgressListener implements TrainingListener {
    private final int plannedEpochs;
    private ProgressBar bar;

    ProgressListener(int plannedEpochs) {
        this.plannedEpochs = plannedEpochs;
    }

    @Override
    public void onStart(String name, int plannedSteps) {
        bar = ProgressBar.start(name, plannedSteps);
    }

    @Override
    public boolean afterStep(int step, int epoch, DoubleSupplier loss) {
        if (bar.due()) {
            bar.update(step, String.format(Locale.ROOT, "epoch %d/%d, loss %.3f", epoch, plannedEpochs,
                    loss.getAsDouble()));
        }
        return true;
    }

    @Override
    public void onEnd(TrainingHistory history, Network network) {
        bar.finish(String.format(Locale.ROOT, "done: %d epochs, train accuracy %.3f%s", history.epochs().size(),
                history.finalTrainAccuracy(), history.stoppedEarly()
                        ? ", stopped early (best epoch " + history.bestEpoch() + ")" : ""));
    }
}
