package dev.tlkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;

/**
 * Routes each parameter's update to the optimizer of its block, so lower blocks can learn more
 * slowly than upper ones (discriminative learning rates, as fast.ai calls them). Each block keeps
 * its own DJL optimizer and state.
 */
final class PerBlockOptimizer extends Optimizer {
    private final Map<String, Optimizer> byParameterId;
    private final Optimizer fallback;

    PerBlockOptimizer(Map<String, Optimizer> byParameterId, Optimizer fallback) {
        super(new Builder());
        this.byParameterId = Map.copyOf(byParameterId);
        this.fallback = fallback;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        byParameterId.getOrDefault(parameterId, fallback).update(parameterId, weight, grad);
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
