package dev.tlkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Routes each parameter's update to the optimizer of its block, so lower blocks can learn more
 * slowly than upper ones (discriminative learning rates, as fast.ai calls them). Each block keeps
 * its own Adam and state, freed when this closes. Without block rates every parameter goes to the fallback.
 */
final class PerBlockOptimizer extends Optimizer implements AutoCloseable {
    private final Map<String, ClosingAdam> byParameterId;
    private final ClosingAdam fallback;

    PerBlockOptimizer(Map<String, ClosingAdam> byParameterId, ClosingAdam fallback) {
        super(new Builder());
        this.byParameterId = Map.copyOf(byParameterId);
        this.fallback = fallback;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        byParameterId.getOrDefault(parameterId, fallback).update(parameterId, weight, grad);
    }

    @Override
    public void close() {
        Set<ClosingAdam> all = new HashSet<>(byParameterId.values());
        all.add(fallback);
        all.forEach(ClosingAdam::close);
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
