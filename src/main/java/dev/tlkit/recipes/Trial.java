package dev.tlkit.recipes;

import dev.tlkit.data.LabelledSet;
import dev.tlkit.eval.Predictions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The data of one run: k labelled examples per class drawn with a seed, the set to test on with its named
 * parts (groups) and further test sets, and the experiment's feature cache (so a frozen backbone computes
 * each example's features once, however many runs use it).
 *
 * @param train        the labelled training examples
 * @param trainIndices where {@code train} comes from in {@code pool}, or empty when it was built otherwise
 * @param pool         the task's labelled pool (unlabelled data for self-training is drawn from the rest)
 * @param validation   labelled examples kept apart from {@code train} for early stopping, if the sample has them
 * @param groups       test-set parts by name: the indices of their examples in {@code test}
 * @param extraTests   further test sets by name (e.g. another domain)
 */
public record Trial<S extends LabelledSet<S>>(int k, long seed, S train, Optional<int[]> trainIndices, S pool,
                                              Optional<S> validation, S test, Map<String, int[]> groups,
                                              Map<String, S> extraTests, FeatureCache cache) {

    public Trial {
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        extraTests = Collections.unmodifiableMap(new LinkedHashMap<>(extraTests));
    }

    /** A trial on {@code train} alone, tested on {@code test}, with a cache of its own. */
    public static <S extends LabelledSet<S>> Trial<S> of(int k, long seed, S train, S test) {
        return new Trial<>(k, seed, train, Optional.empty(), train, Optional.empty(), test, Map.of(), Map.of(),
                new FeatureCache());
    }

    /** Accuracy on every group (from the test predictions) and on every further test set (predicted now). */
    public Map<String, Double> slices(Predictions onTest, Function<S, Predictions> predict) {
        Map<String, Double> slices = new LinkedHashMap<>();
        groups.forEach((name, indices) -> slices.put(name, onTest.select(indices).accuracy()));
        extraTests.forEach((name, set) -> slices.put(name, predict.apply(set).accuracy()));
        return slices;
    }
}
