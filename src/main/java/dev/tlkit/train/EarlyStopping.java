package dev.tlkit.train;

import dev.tlkit.nn.Network;

/**
 * Stops training when validation accuracy has not improved for {@code patience} epochs, and puts back the
 * parameters of the best epoch. One instance per training run.
 */
final class EarlyStopping implements TrainingListener {
    private final int patience;
    private double bestAccuracy = -1;
    private int bestEpoch;
    private byte[] bestParameters;
    private boolean stopped;
    private int lastEpoch;

    EarlyStopping(int patience) {
        this.patience = patience;
    }

    @Override
    public boolean afterEpoch(TrainingHistory.Epoch epoch, Network network) {
        lastEpoch = epoch.epoch();
        if (epoch.validationAccuracy() > bestAccuracy) {
            bestAccuracy = epoch.validationAccuracy();
            bestEpoch = epoch.epoch();
            bestParameters = network.parameterBytes();
        } else if (epoch.epoch() - bestEpoch >= patience) {
            stopped = true;
        }
        return !stopped;
    }

    @Override
    public void onEnd(TrainingHistory history, Network network) {
        if (bestParameters != null && bestEpoch != lastEpoch) {
            network.restoreParameters(bestParameters);
        }
    }

    boolean stopped() {
        return stopped;
    }

    /** The epoch whose parameters are kept (0 before any epoch). */
    int bestEpoch() {
        return bestEpoch;
    }
}
