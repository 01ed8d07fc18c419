package dev.tlkit.recipes;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.LabelledSet;
import dev.tlkit.eval.Predictions;
import dev.tlkit.models.FeatureExtractor;
import dev.tlkit.train.LinearProbe;
import dev.tlkit.train.Stopwatch;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The linear probe as a method: the source model stays frozen, its features of the training examples are
 * cached, and a linear softmax head learns on them ({@link LinearProbe}'s settings: Adam at 0.01, 30 epochs,
 * at least 300 steps). Its cost is one forward pass per training example.
 */
public final class Probe<S extends LabelledSet<S>> implements Method<S> {
    private final String name;
    private final String sourceName;
    private final Function<Trial<S>, ? extends FeatureExtractor<S>> model;
    private final boolean modelPerRun;
    private final BiFunction<S, Long, S> trainingData;

    private Probe(String name, String sourceName, Function<Trial<S>, ? extends FeatureExtractor<S>> model,
                  boolean modelPerRun, BiFunction<S, Long, S> trainingData) {
        this.name = name;
        this.sourceName = sourceName;
        this.model = model;
        this.modelPerRun = modelPerRun;
        this.trainingData = trainingData;
    }

    /** A probe on the source's model (shared by every run, or one per seed). */
    static <S extends LabelledSet<S>> Probe<S> on(Source<? extends FeatureExtractor<S>> source) {
        return new Probe<>("linear probe", source.name(), trial -> source.open().apply(trial.seed()), source.perRun(),
                null);
    }

    /**
     * A probe on features that are fitted to each trial's training examples first (a bag of words learns its
     * vocabulary from them): {@code fit} makes the extractor, which is closed after the run.
     */
    static <S extends LabelledSet<S>> Probe<S> fittedOn(String name, Function<S, ? extends FeatureExtractor<S>> fit) {
        return new Probe<>(name, "", trial -> fit.apply(trial.train()), true, null);
    }

    /** The same method under another name. */
    public Probe<S> named(String newName) {
        return new Probe<>(newName, sourceName, model, modelPerRun, trainingData);
    }

    /**
     * Trains on {@code transform(train, seed)} instead of the trial's examples, e.g. on a fixed set of augmented
     * copies: {@code probe.trainOn((train, seed) -> augmentation.copies(train, 20, seed))}.
     */
    public Probe<S> trainOn(BiFunction<S, Long, S> transform) {
        return new Probe<>(name, sourceName, model, modelPerRun, transform);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String source() {
        return sourceName;
    }

    @Override
    public Run run(Trial<S> trial) {
        Stopwatch clock = Stopwatch.start();
        FeatureExtractor<S> extractor = model.apply(trial);
        try {
            FeatureSet train = trainFeatures(extractor, trial);
            try (LinearProbe<S> probe = LinearProbe.fit(extractor, train, trial.seed())) {
                double seconds = clock.seconds();
                double cpuSeconds = clock.cpuSeconds();
                Predictions predictions = probe.predict(features(extractor, trial, trial.test()));
                return new Run(name, sourceName, trial.k(), trial.seed(), predictions.accuracy(),
                        probe.history().finalTrainAccuracy(), seconds, cpuSeconds, train.size(), 0,
                        trial.slices(predictions, set -> probe.predict(features(extractor, trial, set))), predictions,
                        Optional.of(probe.history()), Map.of());
            }
        } finally {
            if (modelPerRun) {
                extractor.close();
            }
        }
    }

    private FeatureSet trainFeatures(FeatureExtractor<S> extractor, Trial<S> trial) {
        if (trainingData != null) {
            return extractor.features(trainingData.apply(trial.train(), trial.seed()));
        }
        if (trial.trainIndices().isPresent() && !modelPerRun) {
            return trial.cache().of(extractor, trial.pool(), trial.trainIndices().get());
        }
        return features(extractor, trial, trial.train());
    }

    /** Cached for a shared model; a model made for this run alone computes them directly. */
    private FeatureSet features(FeatureExtractor<S> extractor, Trial<S> trial, S set) {
        return modelPerRun ? extractor.features(set) : trial.cache().of(extractor, set);
    }
}
