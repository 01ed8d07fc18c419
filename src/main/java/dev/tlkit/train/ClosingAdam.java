package dev.tlkit.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * DJL's Adam whose moment estimates are freed when it closes. DJL detaches them from every manager, to be "closed by
 * the GC", but the PyTorch engine never frees a detached array: every training run kept twice its trainable
 * parameters in native memory for the life of the kernel (a transformer fine-tuned a dozen times in a lesson).
 */
final class ClosingAdam extends Adam implements AutoCloseable {
    private final List<NDArray> states = new ArrayList<>();

    ClosingAdam(Adam.Builder builder) {
        super(builder);
    }

    @Override
    protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> state, String key, Device device,
            Function<String, NDArray> defaultFunction) {
        return super.withDefaultState(state, key, device, k -> {
            NDArray created = defaultFunction.apply(k);
            states.add(created);
            return created;
        });
    }

    /** The moment arrays created so far (two per parameter updated). */
    List<NDArray> states() {
        return List.copyOf(states);
    }

    @Override
    public void close() {
        states.forEach(NDArray::close);
        states.clear();
    }
}
