package dev.tlkit.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.tlkit.data.Shuffling;
import dev.tlkit.eval.Predictions;
import dev.tlkit.nn.Batches;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One training run of {@link Fit}: epochs of shuffled batches, each a forward pass, softmax cross-entropy,
 * a backward pass and an Adam step, with the listeners told after every step and epoch. Loss and accuracy
 * add up on the engine and are read back once per epoch (or when a listener asks).
 */
final class TrainingLoop {
    private final Network network;
    private final Fit.Settings settings;

    TrainingLoop(Network network, Fit.Settings settings) {
        this.network = network;
        this.settings = settings;
    }

    TrainingHistory run(Examples train) {
        check(train);
        int batch = Math.min(settings.batchSize, train.size());
        int perEpoch = (train.size() + batch - 1) / batch;
        int epochs = Math.max(settings.epochs, (settings.minSteps + perEpoch - 1) / perEpoch);
        long all = (long) epochs * perEpoch;
        int planned = (int) Math.min(settings.maxSteps > 0 ? Math.min(all, settings.maxSteps) : all, Integer.MAX_VALUE);
        epochs = (planned + perEpoch - 1) / perEpoch;

        List<TrainingListener> listeners = new ArrayList<>(settings.listeners);
        if (settings.progress) {
            listeners.add(new ProgressListener(epochs));
        }
        EarlyStopping early = settings.patience > 0 ? new EarlyStopping(settings.patience) : null;
        if (early != null) {
            listeners.add(early);
        }
        Engine engine = Engine.getEngine(Network.TRAINING_ENGINE);
        engine.setRandomSeed((int) settings.seed);
        Random random = new Random(settings.seed);
        listeners.forEach(l -> l.onStart(settings.name, planned));

        Stopwatch clock = Stopwatch.start();
        List<TrainingHistory.Epoch> history = new ArrayList<>();
        int[] steps = {0};
        int[] skipped = {0};
        long[] seen = {0};
        try (PerBlockOptimizer optimizer = Fit.optimizer(settings, planned);
             NDManager fitManager = network.manager().newSubManager();
             ParameterServer server = new LocalParameterServer(optimizer)) {
            // DJL's ParameterStore + LocalParameterServer are what its Trainer steps with; used directly
            // because Trainer's first-step check sums the gradients' signed values, which is exactly zero
            // for a softmax head on two balanced classes and so stops a correct training run.
            ParameterStore store = new ParameterStore(fitManager, false);
            store.setParameterServer(server, new Device[] {Device.cpu()});
            Loss loss = Loss.softmaxCrossEntropyLoss();
            int[] order = Batches.range(train.size());
            boolean goOn = true;
            for (int epoch = 1; goOn && epoch <= epochs; epoch++) {
                int thisEpoch = epoch;
                Stopwatch epochClock = Stopwatch.start();
                Shuffling.shuffle(order, random);
                NDArray lossSum = fitManager.zeros(new Shape(1));
                NDArray correct = fitManager.zeros(new Shape(1));
                long seenBefore = seen[0];
                boolean[] stopped = {false};
                boolean completed = Batches.forEach(order, batch, fitManager, (from, indices, batchManager) -> {
                    NDList input = train.inputs(batchManager, indices, random);
                    NDArray labels = batchManager.create(labelsOf(train, indices));
                    NDArray value;
                    boolean finite;
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        NDList output = network.block().forward(store, input, true);
                        value = loss.evaluate(new NDList(labels), output);
                        collector.backward(value);
                        finite = Float.isFinite(value.getFloat()) && gradientsFinite(network);
                        if (finite) {
                            // detached, or the running sums would keep every batch's autograd graph alive
                            lossSum.addi(value.stopGradient().mul(indices.length));
                            correct.addi(output.singletonOrThrow().stopGradient().argMax(1)
                                    .toType(DataType.FLOAT32, false).eq(labels).toType(DataType.FLOAT32, false).sum());
                        }
                    }
                    if (finite) {
                        store.updateAllParameters();
                    } else {
                        skipped[0]++;
                        clearGradients(network);
                        if (skipped[0] > MAX_SKIPPED_STEPS) {
                            throw new IllegalStateException(settings.name + ": training diverged, " + skipped[0]
                                    + " steps had a loss or gradients that were not finite numbers. Lower the learning"
                                    + " rate (now " + settings.learningRate + " for the head) and run it again.");
                        }
                    }
                    steps[0]++;
                    seen[0] += indices.length;
                    for (TrainingListener listener : listeners) {
                        stopped[0] |= !listener.afterStep(steps[0], thisEpoch, () -> value.getFloat());
                    }
                    return !stopped[0] && steps[0] < planned;
                });
                double examples = seen[0] - seenBefore;
                boolean fullEpoch = completed || (!stopped[0] && seen[0] - seenBefore == train.size());
                double validation = fullEpoch && settings.validation != null
                        ? Predictions.of(network, settings.validation).accuracy() : Double.NaN;
                TrainingHistory.Epoch record = new TrainingHistory.Epoch(epoch, lossSum.getFloat() / examples,
                        correct.getFloat() / examples, validation, epochClock.seconds());
                if (Double.isNaN(record.trainLoss())) {
                    throw new IllegalStateException(settings.name + ": training diverged, the loss became NaN in epoch "
                            + epoch + " (after " + steps[0] + " steps). Lower the learning rate (now "
                            + settings.learningRate + " for the head) and run it again.");
                }
                history.add(record);
                if (stopped[0]) {
                    break;
                }
                for (TrainingListener listener : listeners) {
                    goOn &= listener.afterEpoch(record, network);
                }
            }
        }
        TrainingHistory result = new TrainingHistory(settings.name, history, steps[0], skipped[0], seen[0], clock.seconds(),
                clock.cpuSeconds(), early != null && early.stopped(),
                early != null && early.bestEpoch() > 0 ? early.bestEpoch() : history.size());
        listeners.forEach(l -> l.onEnd(result, network));
        return result;
    }

    /**
     * A step whose loss or gradients are not finite is skipped rather than applied (as mixed-precision trainers
     * do): training MiniLM's six layers in DJL's PyTorch engine, a step's gradients turned to NaN now and then after
     * many good steps (never reproduced in isolation), and one such update makes every weight NaN. Past this many
     * skipped steps training stops with an error.
     */
    static final int MAX_SKIPPED_STEPS = 3;

    /** Closes what it reads: a gradient's handle belongs to the network's manager, which lives as long as the model. */
    private static boolean gradientsFinite(Network network) {
        for (var entry : network.block().getParameters()) {
            if (entry.getValue().requiresGradient()) {
                try (NDArray gradient = entry.getValue().getArray().getGradient(); NDArray sum = gradient.sum()) {
                    if (!Float.isFinite(sum.getFloat())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static void clearGradients(Network network) {
        for (var entry : network.block().getParameters()) {
            if (entry.getValue().requiresGradient()) {
                try (NDArray gradient = entry.getValue().getArray().getGradient()) {
                    gradient.set(new NDIndex(":"), 0);
                }
            }
        }
    }

    private static float[] labelsOf(Examples examples, int[] indices) {
        float[] y = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            y[i] = examples.label(indices[i]);
        }
        return y;
    }

    private void check(Examples train) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("cannot train on an empty set of examples");
        }
        if (settings.patience > 0 && settings.validation == null) {
            throw new IllegalStateException("early stopping needs validation data: call validateOn(...) first");
        }
        if (!network.accepts(train.exampleShape())) {
            throw new IllegalArgumentException("the network expects examples of shape " + network.exampleShape()
                    + " but the training data has shape " + train.exampleShape());
        }
        if (train.numClasses() > network.outputSize()) {
            throw new IllegalArgumentException("the training data has " + train.numClasses() + " classes but "
                    + network.name() + " has only " + network.outputSize() + " outputs: give it a head with one output"
                    + " per class, e.g. backbone.withNewHead(" + train.numClasses() + ", seed)");
        }
    }
}
