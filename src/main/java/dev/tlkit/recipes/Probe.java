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

/**
 * The linear probe as a method: the source model stays frozen, its features of the training examples are
 * cached, and a linear softmax head learns on them ({@link LinearProbe}'s settings: Adam at 0.01, 30 epochs,
 * at least 300 steps). Its cost is one forward pass per training example.
 */
public final class Probe<S extends LabelledSet<S>> implements Method<S> {
    private final Source<? extends FeatureExtractor<S>> source;
    private final String name;
    private final BiFunction<S, Long, S> trainingData;

    Probe(Source<? extends FeatureExtractor<S>> source, String name, BiFunction<S, Long, S> trainingData) {
        this.source = source;
        this.name = name;
        this.trainingData = trainingData;
    }

    /** The same method under another name. */
    public Probe<S> named(String newName) {
        return new Probe<>(source, newName, trainingData);
    }

    /**
     * Trains on {@code transform(train, seed)} instead of the trial's examples, e.g. on a fixed set of augmented
     * copies: {@code probe.trainOn((train, seed) -> augmentation.copies(train, 20, seed))}.
     */
    public Probe<S> trainOn(BiFunction<S, Long, S> transform) {
        return new Probe<>(source, name, transform);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String source() {
        return source.name();
    }

    @Override
    public Run run(Trial<S> trial) {
        Stopwatch clock = Stopwatch.start();
        FeatureExtractor<S> model = source.open().apply(trial.seed());
        try {
            FeatureSet train = trainFeatures(model, trial);
            try (LinearProbe<S> probe = LinearProbe.fit(model, train, trial.seed())) {
                double seconds = clock.seconds();
                double cpuSeconds = clock.cpuSeconds();
                Predictions predictions = probe.predict(features(model, trial, trial.test()));
                return new Run(name, source.name(), trial.k(), trial.seed(), predictions.accuracy(),
                        probe.history().finalTrainAccuracy(), seconds, cpuSeconds, train.size(), 0,
                        trial.slices(predictions, set -> probe.predict(features(model, trial, set))), predictions,
                        Optional.of(probe.history()), Map.of());
            }
        } finally {
            if (source.perRun()) {
                model.close();
            }
        }
    }

    private FeatureSet trainFeatures(FeatureExtractor<S> model, Trial<S> trial) {
        if (trainingData != null) {
            return model.features(trainingData.apply(trial.train(), trial.seed()));
        }
        if (trial.trainIndices().isPresent() && !source.perRun()) {
            return trial.cache().of(model, trial.pool(), trial.trainIndices().get());
        }
        return features(model, trial, trial.train());
    }

    /** Cached for a shared model; a model made for this run alone computes them directly. */
    private FeatureSet features(FeatureExtractor<S> model, Trial<S> trial, S set) {
        return source.perRun() ? model.features(set) : trial.cache().of(model, set);
    }
}
