package dev.tlkit.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.tlkit.eval.Predictions;
import dev.tlkit.viz.ProgressBar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link Network} with DJL's training parts (gradient collector, parameter store, Adam): Adam, softmax cross-entropy, seeded shuffles,
 * a progress bar in the notebook, optional early stopping on validation accuracy (keeping the best
 * epoch's parameters) and optional per-block learning rates. Reads like Keras' {@code fit}:
 * <pre>{@code
 * TrainingHistory history = Fit.of(net).learningRate(1e-3).epochs(20).batchSize(64).seed(1).on(train);
 * }</pre>
 */
public final class Fit {
    private final Network network;
    private double learningRate = 1e-3;
    private Tracker schedule;
    private boolean cosineDecay;
    private StepListener stepListener;
    private final Map<Block, Double> blockRates = new LinkedHashMap<>();
    private int epochs = 10;
    private int minSteps;
    private int batchSize = 64;
    private long seed = 1;
    private Examples validation;
    private int patience;
    private boolean progress = true;
    private String label;

    private Fit(Network network) {
        this.network = network;
        this.label = network.name();
    }

    public static Fit of(Network network) {
        return new Fit(network);
    }

    /** Adam's learning rate for every trainable parameter without a block rate. */
    public Fit learningRate(double rate) {
        this.learningRate = rate;
        return this;
    }

    /** A learning rate that changes with the step number (a DJL {@link Tracker}), e.g. for a learning-rate finder. */
    public Fit learningRate(Tracker schedule) {
        this.schedule = schedule;
        return this;
    }

    /**
     * Lets every learning rate fall along a cosine from its set value to a hundredth of it over the
     * whole run (Loshchilov and Hutter 2017): big steps first, small ones to settle at the end.
     */
    public Fit cosineDecay() {
        this.cosineDecay = true;
        return this;
    }

    /** Hears the loss of every step; training stops when it returns false. */
    public Fit onStep(StepListener listener) {
        this.stepListener = listener;
        return this;
    }

    /** Called after every training step. */
    @FunctionalInterface
    public interface StepListener {
        /** @return whether to go on training */
        boolean afterStep(int step, double loss);
    }

    /** A learning rate of its own for the parameters of {@code block} (e.g. lower for lower blocks). */
    public Fit learningRate(Block block, double rate) {
        blockRates.put(block, rate);
        return this;
    }

    public Fit epochs(int epochs) {
        this.epochs = epochs;
        return this;
    }

    /** Trains for more epochs if needed so that at least {@code steps} batches are seen (tiny data sets). */
    public Fit atLeastSteps(int steps) {
        this.minSteps = steps;
        return this;
    }

    public Fit batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    public Fit seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Measures accuracy on {@code examples} after every epoch. */
    public Fit validateOn(Examples examples) {
        this.validation = examples;
        return this;
    }

    /** Stops when validation accuracy has not improved for {@code epochs} epochs; keeps the best epoch. */
    public Fit earlyStopping(int epochs) {
        this.patience = epochs;
        return this;
    }

    /** No progress bar. */
    public Fit quietly() {
        this.progress = false;
        return this;
    }

    /** The name shown on the progress bar and the history. */
    public Fit named(String name) {
        this.label = name;
        return this;
    }

    /** Trains on {@code train}; returns the history. Stops with an exception when the cell is interrupted. */
    public TrainingHistory on(Examples train) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("cannot train on an empty set of examples");
        }
        if (patience > 0 && validation == null) {
            throw new IllegalStateException("early stopping needs validation data: call validateOn(...) first");
        }
        if (!train.exampleShape().equals(network.exampleShape())) {
            throw new IllegalArgumentException("the network expects examples of shape " + network.exampleShape()
                    + " but the training data has shape " + train.exampleShape());
        }
        if (train.classNames().size() > network.outputSize()) {
            throw new IllegalArgumentException("the training data has " + train.classNames().size() + " classes but "
                    + network.name() + " has only " + network.outputSize() + " outputs: give it a head with one output"
                    + " per class, e.g. backbone.withNewHead(" + train.classNames().size() + ", seed)");
        }
        int batch = Math.min(batchSize, train.size());
        int batchesPerEpoch = (train.size() + batch - 1) / batch;
        int totalEpochs = Math.max(epochs, minSteps == 0 ? 0 : (minSteps + batchesPerEpoch - 1) / batchesPerEpoch);
        Engine.getEngine(Network.TRAINING_ENGINE).setRandomSeed((int) seed);
        Random random = new Random(seed);
        int exampleSize = (int) train.exampleShape().size();

        List<TrainingHistory.Epoch> history = new ArrayList<>();
        ProgressBar bar = progress ? ProgressBar.start(label, totalEpochs * batchesPerEpoch) : null;
        long start = System.nanoTime();
        int steps = 0;
        double bestAccuracy = -1;
        int bestEpoch = 0;
        byte[] bestParameters = null;
        boolean stoppedEarly = false;
        boolean stopped = false;
        Engine engine = Engine.getEngine(Network.TRAINING_ENGINE);
        try (NDManager fitManager = network.manager().newSubManager();
             ParameterServer server = new LocalParameterServer(optimizer(totalEpochs * batchesPerEpoch))) {
            // DJL's ParameterStore + LocalParameterServer are what its Trainer steps with; used directly
            // because Trainer's first-step check sums the gradients' signed values, which is exactly zero
            // for a softmax head on two balanced classes and so stops a correct training run.
            ParameterStore store = new ParameterStore(fitManager, false);
            store.setParameterServer(server, new Device[] {Device.cpu()});
            Loss loss = Loss.softmaxCrossEntropyLoss();
            int[] order = new int[train.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int epoch = 1; epoch <= totalEpochs; epoch++) {
                long epochStart = System.nanoTime();
                dev.tlkit.data.Shuffling.shuffle(order, random);
                double lossSum = 0;
                long correct = 0;
                for (int b = 0; b < batchesPerEpoch; b++) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("training was interrupted after " + steps + " steps");
                    }
                    int from = b * batch;
                    int to = Math.min(train.size(), from + batch);
                    float[] x = new float[(to - from) * exampleSize];
                    float[] y = new float[to - from];
                    for (int i = from; i < to; i++) {
                        train.copy(order[i], x, (i - from) * exampleSize, random);
                        y[i - from] = train.label(order[i]);
                    }
                    double stepLoss;
                    try (NDManager batchManager = fitManager.newSubManager()) {
                        NDArray input = batchManager.create(x, Network.batchShape(train.exampleShape(), to - from));
                        NDArray labels = batchManager.create(y);
                        try (GradientCollector collector = engine.newGradientCollector()) {
                            NDList output = network.block().forward(store, new NDList(input), true);
                            NDArray value = loss.evaluate(new NDList(labels), output);
                            collector.backward(value);
                            stepLoss = value.getFloat();
                            lossSum += stepLoss * (to - from);
                            correct += output.singletonOrThrow().argMax(1).toType(DataType.FLOAT32, false)
                                    .eq(labels).sum().getLong();
                        }
                        store.updateAllParameters();
                    }
                    steps++;
                    if (stepListener != null && !stepListener.afterStep(steps, stepLoss)) {
                        stopped = true;
                        break;
                    }
                    if (bar != null) {
                        bar.update(steps, String.format(Locale.ROOT, "epoch %d/%d, loss %.3f", epoch, totalEpochs,
                                lossSum / Math.max(1, to)));
                    }
                }
                if (stopped) {
                    history.add(new TrainingHistory.Epoch(epoch, lossSum / train.size(), correct / (double) train.size(),
                            Double.NaN, (System.nanoTime() - epochStart) / 1e9));
                    break;
                }
                double validationAccuracy = validation == null ? Double.NaN
                        : Predictions.of(network, validation).accuracy();
                history.add(new TrainingHistory.Epoch(epoch, lossSum / train.size(), correct / (double) train.size(),
                        validationAccuracy, (System.nanoTime() - epochStart) / 1e9));
                if (patience > 0) {
                    if (validationAccuracy > bestAccuracy) {
                        bestAccuracy = validationAccuracy;
                        bestEpoch = epoch;
                        bestParameters = network.parameterBytes();
                    } else if (epoch - bestEpoch >= patience) {
                        stoppedEarly = true;
                        break;
                    }
                }
            }
        }
        if (bestParameters != null && bestEpoch != history.size()) {
            network.restoreParameters(bestParameters);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        TrainingHistory result = new TrainingHistory(label, history, steps, seconds, stoppedEarly,
                bestParameters == null ? history.size() : bestEpoch);
        if (bar != null) {
            bar.finish(String.format(Locale.ROOT, "done: %d epochs, train accuracy %.3f%s", history.size(),
                    result.finalTrainAccuracy(), stoppedEarly ? ", stopped early (best epoch " + bestEpoch + ")" : ""));
        }
        return result;
    }

    private Optimizer optimizer(int totalSteps) {
        if (cosineDecay && schedule != null) {
            throw new IllegalStateException("cosineDecay() needs a fixed learning rate, not a schedule");
        }
        Optimizer uniform = schedule != null
                ? Optimizer.adam().optLearningRateTracker(schedule).build()
                : adam(learningRate, totalSteps);
        if (blockRates.isEmpty()) {
            return uniform;
        }
        Map<String, Optimizer> byParameter = new HashMap<>();
        for (Map.Entry<Block, Double> entry : blockRates.entrySet()) {
            Optimizer blockOptimizer = adam(entry.getValue(), totalSteps);
            for (Parameter parameter : entry.getKey().getParameters().values()) {
                byParameter.put(parameter.getId(), blockOptimizer);
            }
        }
        return new PerBlockOptimizer(byParameter, uniform);
    }

    private Optimizer adam(double rate, int totalSteps) {
        Tracker tracker = cosineDecay
                ? Tracker.cosine().setBaseValue((float) rate).optFinalValue((float) (rate / 100))
                        .setMaxUpdates(Math.max(1, totalSteps)).build()
                : Tracker.fixed((float) rate);
        return Optimizer.adam().optLearningRateTracker(tracker).build();
    }

}
