package dev.tlkit.recipes;

import dev.tlkit.data.LabelledSet;
import dev.tlkit.eval.Predictions;
import ai.djl.ndarray.types.Shape;
import dev.tlkit.models.FineTunable;
import dev.tlkit.models.SplitTunable;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import dev.tlkit.train.Fit;
import dev.tlkit.train.Stopwatch;
import dev.tlkit.train.TrainingHistory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

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
    /** {@link #forTransformer()}: Adam's rate for the transformer's layers (the new head keeps {@link #LEARNING_RATE}). */
    public static final double TRANSFORMER_RATE = 3e-5;
    public static final int TRANSFORMER_BATCH_SIZE = 16;
    public static final int TRANSFORMER_EPOCHS = 10;
    public static final int TRANSFORMER_MIN_STEPS = 24;
    public static final int TRANSFORMER_MAX_STEPS = 60;
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
        double layerDecay = 1;
        int patience;
        boolean measureChange;
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

    /**
     * Layer-wise learning-rate decay (discriminative rates): the top block learns at the backbone's rate, each
     * block below it {@code factor} times slower, so the generic lower blocks move least.
     */
    public FineTune<S> layerDecay(double factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("the decay factor divides the rate per block going down: at least 1, got "
                    + factor);
        }
        return with(s -> s.layerDecay = factor);
    }

    /**
     * Stops when accuracy on the trial's validation examples has not improved for {@code patience} epochs and keeps
     * the best epoch (the experiment's sampling must set validation examples apart, see {@code Samplers}).
     */
    public FineTune<S> earlyStopping(int patience) {
        return with(s -> s.patience = patience);
    }

    /** Also records how far training moved each block from the source ({@link Run#blockChanges()}). */
    public FineTune<S> measureChange() {
        return with(s -> s.measureChange = true);
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

    /**
     * The settings for a pre-trained transformer such as {@code MiniLm}: batches of {@value #TRANSFORMER_BATCH_SIZE}
     * sentences, the head at {@value #LEARNING_RATE} but the layers at {@value #TRANSFORMER_RATE} (BERT's usual range:
     * larger steps wreck what pre-training learned), {@value #TRANSFORMER_EPOCHS} epochs, at least
     * {@value #TRANSFORMER_MIN_STEPS} and at most {@value #TRANSFORMER_MAX_STEPS} steps (a step trains 16 sentences
     * through every open layer, which on a laptop's CPU takes a good fraction of a second).
     */
    public FineTune<S> forTransformer() {
        return with(s -> {
            s.learningRate = LEARNING_RATE;
            s.backboneRate = TRANSFORMER_RATE;
            s.batchSize = TRANSFORMER_BATCH_SIZE;
            s.epochs = TRANSFORMER_EPOCHS;
            s.minSteps = TRANSFORMER_MIN_STEPS;
            s.maxSteps = TRANSFORMER_MAX_STEPS;
        });
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
            if (model instanceof SplitTunable<S> split && settings.augmentation == null && settings.topBlocks > 0
                    && settings.topBlocks < model.blockCount()) {
                return onCachedActivations(split, opened, trial, clock);
            }
            try (Network net = model.withNewHead(trial.train().numClasses(), trial.seed())) {
                TrainingHistory history = fit(model, net, trial, examples -> model.examples(examples))
                        .on(trainingExamples(model, trial.train()));
                double seconds = clock.seconds();
                double cpuSeconds = clock.cpuSeconds();
                Predictions predictions = Predictions.of(net, model.examples(trial.test()));
                long backward = model.trainableParameters() > 0 ? history.examplesSeen() : 0;
                return new Run(settings.name, source.name(), trial.k(), trial.seed(), predictions.accuracy(),
                        history.finalTrainAccuracy(), seconds, cpuSeconds, history.examplesSeen(), backward,
                        trial.slices(predictions, set -> Predictions.of(net, model.examples(set))), predictions,
                        Optional.of(history), settings.measureChange ? changes(model, opened) : Map.of());
            }
        }
    }

    /**
     * Fine-tuning the top blocks with the frozen blocks below run once: their activations are cached (in the
     * experiment's cache when the source is shared by every run) and the top blocks and the head train on them.
     * Frozen blocks run in inference mode, so this is the same training as running the whole network every step.
     */
    private Run onCachedActivations(SplitTunable<S> model, FineTunable<S> opened, Trial<S> trial, Stopwatch clock) {
        int k = settings.topBlocks;
        Shape shape = model.shapeBelowTop(k);
        Object key = source.perRun() ? null : List.of(new FeatureCache.Identity(opened), "below the top", k);
        Function<S, Examples> below = set -> Examples.of(key == null ? model.activationsBelowTop(set, k)
                : trial.cache().of(key, set, s -> opened(opened).activationsBelowTop(s, k)), shape);
        Examples train = key != null && trial.trainIndices().isPresent()
                ? Examples.of(trial.cache().of(key, trial.pool(), trial.trainIndices().get(),
                        s -> opened(opened).activationsBelowTop(s, k)), shape)
                : below.apply(trial.train());
        try (Network net = model.topWithNewHead(k, trial.train().numClasses(), trial.seed())) {
            TrainingHistory history = fit(model, net, trial, below).on(train);
            double seconds = clock.seconds();
            double cpuSeconds = clock.cpuSeconds();
            Predictions predictions = Predictions.of(net, below.apply(trial.test()));
            return new Run(settings.name, source.name(), trial.k(), trial.seed(), predictions.accuracy(),
                    history.finalTrainAccuracy(), seconds, cpuSeconds, trial.train().size() + history.examplesSeen(),
                    history.examplesSeen(), trial.slices(predictions, set -> Predictions.of(net, below.apply(set))),
                    predictions, Optional.of(history), settings.measureChange ? changes(model, opened) : Map.of());
        }
    }

    /** The shared source as a split network (its frozen lower blocks are the same as the copy's). */
    @SuppressWarnings("unchecked")
    private SplitTunable<S> opened(FineTunable<S> opened) {
        return (SplitTunable<S>) opened;
    }

    private Map<String, Double> changes(FineTunable<S> trained, FineTunable<S> start) {
        if (source.perRun()) {
            throw new IllegalStateException("measureChange() compares with a source model shared by every run; "
                    + source.name() + " is made anew for each run");
        }
        double[] change = trained.changeFrom(start);
        Map<String, Double> byBlock = new LinkedHashMap<>();
        for (int i = 0; i < change.length; i++) {
            byBlock.put(trained.blockNames().get(i), change[i]);
        }
        return byBlock;
    }

    private Fit fit(FineTunable<S> model, Network net, Trial<S> trial, Function<S, Examples> asExamples) {
        Fit fit = Fit.of(net).learningRate(settings.learningRate).epochs(settings.epochs)
                .atLeastSteps(settings.minSteps).atMostSteps(settings.maxSteps).batchSize(settings.batchSize)
                .seed(trial.seed()).quietly();
        double backboneRate = Double.isNaN(settings.backboneRate) ? settings.learningRate : settings.backboneRate;
        if (!Double.isNaN(settings.backboneRate) || settings.layerDecay != 1) {
            for (int i = 0; i < model.blockCount(); i++) {
                int belowTop = model.blockCount() - 1 - i;
                fit = fit.learningRate(model.block(i), backboneRate / Math.pow(settings.layerDecay, belowTop));
            }
        }
        if (trial.validation().isPresent()) {   // the history then shows validation accuracy after every epoch
            fit = fit.validateOn(asExamples.apply(trial.validation().get()));
        }
        if (settings.patience > 0) {
            if (trial.validation().isEmpty()) {
                throw new IllegalStateException("earlyStopping(" + settings.patience + ") needs validation examples:"
                        + " give the experiment a sampling that sets them apart, e.g. .sampling(Samplers.withValidation(50))");
            }
            fit = fit.earlyStopping(settings.patience);
        }
        return settings.cosineDecay ? fit.cosineDecay() : fit;
    }

    private Examples trainingExamples(FineTunable<S> model, S train) {
        return settings.augmentation == null ? model.examples(train) : settings.augmentation.examples(train);
    }
}
