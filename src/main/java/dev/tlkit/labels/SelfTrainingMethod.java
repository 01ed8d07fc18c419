package dev.tlkit.labels;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.LabelledSet;
import dev.tlkit.eval.Predictions;
import dev.tlkit.models.FeatureExtractor;
import dev.tlkit.recipes.FeatureCache;
import dev.tlkit.recipes.Method;
import dev.tlkit.recipes.Run;
import dev.tlkit.recipes.Trial;
import dev.tlkit.train.Stopwatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Self-training as a method an experiment can compare: the trial's labelled examples plus {@code unlabelled}
 * others drawn from the rest of the task's pool (their labels hidden), pseudo-labelled by a linear probe on
 * the frozen extractor ({@link SelfTraining}).
 */
record SelfTrainingMethod<S extends LabelledSet<S>>(FeatureExtractor<S> extractor, int unlabelled, double threshold,
                                                    int rounds) implements Method<S> {

    @Override
    public String name() {
        return "self-training (" + unlabelled + " unlabelled)";
    }

    @Override
    public String source() {
        return extractor.name();
    }

    @Override
    public Run run(Trial<S> trial) {
        int[] labelledIndices = trial.trainIndices().orElseThrow(() -> new IllegalArgumentException(
                "self-training draws its unlabelled examples from the rest of the task's pool, so it needs training"
                        + " examples drawn from the pool (the experiment's default sampling)"));
        Stopwatch clock = Stopwatch.start();
        SelfTraining.Result<S> result = train(trial.pool(), labelledIndices, trial.cache(), trial.seed());
        try (var probe = result.probe()) {
            double seconds = clock.seconds();
            double cpuSeconds = clock.cpuSeconds();
            Predictions predictions = probe.predict(trial.cache().of(extractor, trial.test()));
            return new Run(name(), source(), trial.k(), trial.seed(), predictions.accuracy(),
                    probe.history().finalTrainAccuracy(), seconds, cpuSeconds, labelledIndices.length + unlabelled, 0,
                    trial.slices(predictions, set -> probe.predict(trial.cache().of(extractor, set))), predictions,
                    Optional.of(probe.history()), Map.of());
        }
    }

    /** Self-training on the pool's examples at {@code labelledIndices} plus unlabelled others of the pool. */
    SelfTraining.Result<S> train(S pool, int[] labelledIndices, FeatureCache cache, long seed) {
        FeatureSet labelled = cache.of(extractor, pool, labelledIndices);
        FeatureSet others = cache.of(extractor, pool, unlabelledIndices(pool, labelledIndices, seed));
        return SelfTraining.run(extractor, labelled, others, threshold, rounds, seed);
    }

    /** {@code unlabelled} examples of the pool that are not labelled, in a seeded random order. */
    private int[] unlabelledIndices(S pool, int[] labelledIndices, long seed) {
        Set<Integer> labelled = new HashSet<>();
        for (int i : labelledIndices) {
            labelled.add(i);
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (!labelled.contains(i)) {
                rest.add(i);
            }
        }
        Collections.shuffle(rest, new Random(seed));
        return rest.subList(0, Math.min(unlabelled, rest.size())).stream().mapToInt(Integer::intValue).toArray();
    }
}
