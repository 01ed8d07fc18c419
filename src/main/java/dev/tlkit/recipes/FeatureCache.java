package dev.tlkit.recipes;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.LabelledSet;
import dev.tlkit.models.FeatureExtractor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a frozen model computes, computed once per example and kept: features for whole sets (a test set) and for
 * examples of a pool (training samples drawn from it), by a key (the model, or the model and a cut through it) and
 * the identity of the set. What makes a learning curve of linear probes — and fine-tuning on top of frozen blocks —
 * cheap.
 */
public final class FeatureCache {
    private final Map<Object, Map<Object, FeatureSet>> sets = new HashMap<>();
    private final Map<Object, Map<Object, float[][]>> pools = new HashMap<>();

    /** The features of the whole {@code set}. */
    public <S extends LabelledSet<S>> FeatureSet of(FeatureExtractor<S> extractor, S set) {
        return of(new Identity(extractor), set, extractor::features);
    }

    /** The features of the examples at {@code indices} of {@code pool}; only those not seen yet are computed. */
    public <S extends LabelledSet<S>> FeatureSet of(FeatureExtractor<S> extractor, S pool, int[] indices) {
        return of(new Identity(extractor), pool, indices, extractor::features);
    }

    /** What {@code compute} gives for the whole {@code set}, computed once per {@code key}. */
    public synchronized <S extends LabelledSet<S>> FeatureSet of(Object key, S set, Function<S, FeatureSet> compute) {
        return sets.computeIfAbsent(key, k -> new IdentityHashMap<>()).computeIfAbsent(set, s -> compute.apply(set));
    }

    /** What {@code compute} gives for the examples at {@code indices} of {@code pool}, each computed once per key. */
    public synchronized <S extends LabelledSet<S>> FeatureSet of(Object key, S pool, int[] indices,
                                                                Function<S, FeatureSet> compute) {
        float[][] vectors = pools.computeIfAbsent(key, k -> new IdentityHashMap<>())
                .computeIfAbsent(pool, p -> new float[pool.size()][]);
        int[] missing = Arrays.stream(indices).filter(i -> vectors[i] == null).distinct().toArray();
        if (missing.length > 0) {
            FeatureSet computed = compute.apply(pool.select(missing));
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

    /** A key that compares by the identity of a model. */
    record Identity(Object model) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.model == model;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(model);
        }
    }
}
