package dev.tlkit.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How to train a {@link Network}: Adam, softmax cross-entropy, seeded shuffles, a progress bar in the
 * notebook, optional early stopping on validation accuracy (keeping the best epoch's parameters) and
 * optional per-block learning rates. An immutable value (each setting returns a new one) that reads like
 * Keras' {@code fit}:
 * <pre>{@code
 * TrainingHistory history = Fit.of(net).learningRate(1e-3).epochs(20).batchSize(64).seed(1).on(train);
 * }</pre>
 */
public final class Fit {
    private final Network network;
    private final Settings settings;

    /** Everything a run needs besides the network and the data; copied, never changed, by each setting. */
    static final class Settings implements Cloneable {
        String name;
        double learningRate = 1e-3;
        Tracker schedule;
        boolean cosineDecay;
        Map<Block, Double> blockRates = new LinkedHashMap<>();
        int epochs = 10;
        int minSteps;
        int maxSteps;
        int batchSize = 64;
        long seed = 1;
        Examples validation;
        int patience;
        boolean progress = true;
        List<TrainingListener> listeners = new ArrayList<>();

        Settings copy() {
            try {
                Settings copy = (Settings) super.clone();
                copy.blockRates = new LinkedHashMap<>(blockRates);
                copy.listeners = new ArrayList<>(listeners);
                return copy;
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private Fit(Network network, Settings settings) {
        this.network = network;
        this.settings = settings;
    }

    /** Adam at 1e-3, 10 epochs, batches of 64, seed 1, with a progress bar. */
    public static Fit of(Network network) {
        Settings settings = new Settings();
        settings.name = network.name();
        return new Fit(network, settings);
    }

    private Fit with(Consumer<Settings> change) {
        Settings copy = settings.copy();
        change.accept(copy);
        return new Fit(network, copy);
    }

    /** Adam's learning rate for every trainable parameter without a block rate. */
    public Fit learningRate(double rate) {
        return with(s -> s.learningRate = rate);
    }

    /** A learning rate that changes with the step number (a DJL {@link Tracker}), e.g. for a learning-rate finder. */
    public Fit learningRate(Tracker schedule) {
        return with(s -> s.schedule = schedule);
    }

    /** A learning rate of its own for the parameters of {@code block} (e.g. lower for lower blocks). */
    public Fit learningRate(Block block, double rate) {
        return with(s -> s.blockRates.put(block, rate));
    }

    /**
     * Lets every learning rate fall along a cosine from its set value to a hundredth of it over the
     * whole run (Loshchilov and Hutter 2017): big steps first, small ones to settle at the end.
     */
    public Fit cosineDecay() {
        return with(s -> s.cosineDecay = true);
    }

    public Fit epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("train for at least one epoch, got " + epochs);
        }
        return with(s -> s.epochs = epochs);
    }

    /** Trains for more epochs if needed so that at least {@code steps} batches are seen (tiny data sets). */
    public Fit atLeastSteps(int steps) {
        return with(s -> s.minSteps = steps);
    }

    /** Stops after {@code steps} batches even if epochs remain (large data sets); 0: no limit. */
    public Fit atMostSteps(int steps) {
        return with(s -> s.maxSteps = steps);
    }

    public Fit batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one example, got " + batchSize);
        }
        return with(s -> s.batchSize = batchSize);
    }

    public Fit seed(long seed) {
        return with(s -> s.seed = seed);
    }

    /** Measures accuracy on {@code examples} after every epoch. */
    public Fit validateOn(Examples examples) {
        return with(s -> s.validation = examples);
    }

    /** Stops when validation accuracy has not improved for {@code epochs} epochs; keeps the best epoch. */
    public Fit earlyStopping(int epochs) {
        return with(s -> s.patience = epochs);
    }

    /** No progress bar. */
    public Fit quietly() {
        return with(s -> s.progress = false);
    }

    /** The name shown on the progress bar and the history. */
    public Fit named(String name) {
        return with(s -> s.name = name);
    }

    /** Also tells {@code listener} how training goes (it may stop it). */
    public Fit listener(TrainingListener listener) {
        return with(s -> s.listeners.add(listener));
    }

    /** Trains on {@code train}; returns the history. Stops with an exception when the cell is interrupted. */
    public TrainingHistory on(Examples train) {
        return new TrainingLoop(network, settings.copy()).run(train);
    }

    /** One Adam per block with a rate of its own, the rest at the common rate (or schedule). */
    static PerBlockOptimizer optimizer(Settings s, int totalSteps) {
        if (s.cosineDecay && s.schedule != null) {
            throw new IllegalStateException("cosineDecay() needs a fixed learning rate, not a schedule");
        }
        ClosingAdam uniform = s.schedule != null
                ? new ClosingAdam(Adam.builder().optLearningRateTracker(s.schedule))
                : adam(s.learningRate, s.cosineDecay, totalSteps);
        Map<String, ClosingAdam> byParameter = new HashMap<>();
        for (Map.Entry<Block, Double> entry : s.blockRates.entrySet()) {
            ClosingAdam blockOptimizer = adam(entry.getValue(), s.cosineDecay, totalSteps);
            for (Parameter parameter : entry.getKey().getParameters().values()) {
                byParameter.put(parameter.getId(), blockOptimizer);
            }
        }
        return new PerBlockOptimizer(byParameter, uniform);
    }

    private static ClosingAdam adam(double rate, boolean cosine, int totalSteps) {
        Tracker tracker = cosine
                ? Tracker.cosine().setBaseValue((float) rate).optFinalValue((float) (rate / 100))
                        .setMaxUpdates(Math.max(1, totalSteps)).build()
                : Tracker.fixed((float) rate);
        return new ClosingAdam(Adam.builder().optLearningRateTracker(tracker));
    }
}
