package dev.tlkit.recipes;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.LabelledSet;
import dev.tlkit.models.FeatureExtractor;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Features of a frozen model, computed once per example and kept: for whole sets (a test set) and for examples
 * of a pool (training samples drawn from it), by the identity of the model and the set. What makes a learning
 * curve of linear probes cheap.
 */
public final class FeatureCache {
    private final Map<FeatureExtractor<?>, Map<Object, FeatureSet>> sets = new IdentityHashMap<>();
    private final Map<FeatureExtractor<?>, Map<Object, float[][]>> pools = new IdentityHashMap<>();

    /** The features of the whole {@code set}. */
    public synchronized <S extends LabelledSet<S>> FeatureSet of(FeatureExtractor<S> extractor, S set) {
        return sets.computeIfAbsent(extractor, e -> new IdentityHashMap<>())
                .computeIfAbsent(set, s -> extractor.features(set));
    }

    /** The features of the examples at {@code indices} of {@code pool}; only those not seen yet are computed. */
    public synchronized <S extends LabelledSet<S>> FeatureSet of(FeatureExtractor<S> extractor, S pool, int[] indices) {
        float[][] vectors = pools.computeIfAbsent(extractor, e -> new IdentityHashMap<>())
                .computeIfAbsent(pool, p -> new float[pool.size()][]);
        int[] missing = Arrays.stream(indices).filter(i -> vectors[i] == null).distinct().toArray();
        if (missing.length > 0) {
            FeatureSet computed = extractor.features(pool.select(missing));
            for (int j = 0; j < missing.length; j++) {
                vectors[missing[j]] = computed.vector(j);
            }
        }
        float[][] picked = new float[indices.length][];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = vectors[indices[i]];
            labels[i] = pool.label(indices[i]);
        }
        return new FeatureSet("features of " + indices.length + " examples of " + pool.name(), picked, labels,
                pool.classNames());
    }
}
