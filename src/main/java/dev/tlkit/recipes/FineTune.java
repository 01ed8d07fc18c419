package dev.tlkit.recipes;

import dev.tlkit.data.LabelledSet;
import dev.tlkit.eval.Predictions;
import dev.tlkit.models.FineTunable;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import dev.tlkit.train.Fit;
import dev.tlkit.train.Stopwatch;
import dev.tlkit.train.TrainingHistory;
import java.util.function.Consumer;

/**
 * Fine-tuning as a method: a copy of the source network (or, from scratch, a new one with random weights)
 * gets a new head, its top blocks (or all) are opened, and everything open trains on the trial's examples
 * with {@link Fit}. The defaults, for 28x28 images and batches of 64: Adam at {@value #LEARNING_RATE},
 * {@value #EPOCHS} epochs, but at least {@value #MIN_STEPS} and at most {@value #MAX_STEPS} steps (a few labels
 * still get enough steps; many labels do not take minutes). Each setting returns a new method.
 */
public final class FineTune<S extends LabelledSet<S>> implements Method<S> {
    public static final double LEARNING_RATE = 1e-3;
    public static final int EPOCHS = 30;
    public static final int MIN_STEPS = 100;
    public static final int MAX_STEPS = 300;
    public static final int BATCH_SIZE = 64;
    /** Open every block. */
    static final int ALL = -1;

    private final Source<? extends FineTunable<S>> source;
    private final Settings<S> settings;

    /** The settings; copied, never changed, by each setting method. */
    static final class Settings<S> implements Cloneable {
        String name;
        int topBlocks = ALL;
        double learningRate = LEARNING_RATE;
        double backboneRate = Double.NaN;
        boolean cosineDecay;
        int epochs = EPOCHS;
        int minSteps = MIN_STEPS;
        int maxSteps = MAX_STEPS;
        int batchSize = BATCH_SIZE;
        Augmentation<S> augmentation;

        @SuppressWarnings("unchecked")
        Settings<S> copy() {
            try {
                return (Settings<S>) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    FineTune(Source<? extends FineTunable<S>> source, String name, int topBlocks) {
        this.source = source;
        this.settings = new Settings<>();
        settings.name = name;
        settings.topBlocks = topBlocks;
    }

    private FineTune(Source<? extends FineTunable<S>> source, Settings<S> settings) {
        this.source = source;
        this.settings = settings;
    }

    private FineTune<S> with(Consumer<Settings<S>> change) {
        Settings<S> copy = settings.copy();
        change.accept(copy);
        return new FineTune<>(source, copy);
    }

    /** The same method under another name (to tell two settings apart in results). */
    public FineTune<S> named(String name) {
        return with(s -> s.name = name);
    }

    /** Adam's learning rate for the head and, unless {@link #backboneRate} says otherwise, the backbone. */
    public FineTune<S> learningRate(double rate) {
        return with(s -> s.learningRate = rate);
    }

    /** A learning rate of its own for the backbone's blocks (the new head keeps {@link #learningRate}). */
    public FineTune<S> backboneRate(double rate) {
        return with(s -> s.backboneRate = rate);
    }

    /** Every rate falls along a cosine to a hundredth of its value over the run. */
    public FineTune<S> cosineDecay() {
        return with(s -> s.cosineDecay = true);
    }

    public FineTune<S> epochs(int epochs) {
        return with(s -> s.epochs = epochs);
    }

    /** At least this many steps, whatever the epochs (tiny training sets). */
    public FineTune<S> atLeastSteps(int steps) {
        return with(s -> s.minSteps = steps);
    }

    /** At most this many steps, whatever the epochs (large training sets); 0: no limit. */
    public FineTune<S> atMostSteps(int steps) {
        return with(s -> s.maxSteps = steps);
    }

    public FineTune<S> batchSize(int batchSize) {
        return with(s -> s.batchSize = batchSize);
    }

    /** Trains on examples drawn anew with {@code augmentation} in every epoch. */
    public FineTune<S> augment(Augmentation<S> augmentation) {
        return with(s -> s.augmentation = augmentation);
    }

    @Override
    public String name() {
        return settings.name;
    }

    @Override
    public String source() {
        return source.name();
    }

    @Override
    public Run run(Trial<S> trial) {
        Stopwatch clock = Stopwatch.start();
        FineTunable<S> opened = source.open().apply(trial.seed());
        FineTunable<S> model = source.perRun() ? opened : opened.copy();
        try (model) {
            if (settings.topBlocks == ALL) {
                model.unfreeze();
            } else {
                model.unfreezeTop(settings.topBlocks);
            }
            try (Network net = model.withNewHead(trial.train().numClasses(), trial.seed())) {
                TrainingHistory history = fit(model, net, trial.seed()).on(trainingExamples(model, trial.train()));
                double seconds = clock.seconds();
                double cpuSeconds = clock.cpuSeconds();
                Predictions predictions = Predictions.of(net, model.examples(trial.test()));
                long backward = model.trainableParameters() > 0 ? history.examplesSeen() : 0;
                return new Run(settings.name, source.name(), trial.k(), trial.seed(), predictions.accuracy(),
                        history.finalTrainAccuracy(), seconds, cpuSeconds, history.examplesSeen(), backward,
                        trial.slices(predictions, set -> Predictions.of(net, model.examples(set))), predictions);
            }
        }
    }

    private Fit fit(FineTunable<S> model, Network net, long seed) {
        Fit fit = Fit.of(net).learningRate(settings.learningRate).epochs(settings.epochs)
                .atLeastSteps(settings.minSteps).atMostSteps(settings.maxSteps).batchSize(settings.batchSize).seed(seed)
                .quietly();
        if (!Double.isNaN(settings.backboneRate)) {
            for (int i = 0; i < model.blockCount(); i++) {
                fit = fit.learningRate(model.block(i), settings.backboneRate);
            }
        }
        return settings.cosineDecay ? fit.cosineDecay() : fit;
    }

    private Examples trainingExamples(FineTunable<S> model, S train) {
        return settings.augmentation == null ? model.examples(train) : settings.augmentation.examples(train);
    }
}
