package dev.tlkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Adam;
import dev.tlkit.nn.Network;
import org.junit.jupiter.api.Test;

/** Adam's moment estimates, detached by DJL from every manager, are freed when training ends. */
class ClosingAdamTest {

    @Test
    void theMomentsOfEveryUpdatedParameterAreFreedOnClose() {
        try (NDManager manager = NDManager.newBaseManager(Network.TRAINING_ENGINE)) {
            NDArray weight = manager.ones(new Shape(3));
            weight.setRequiresGradient(true);
            NDArray gradient = manager.ones(new Shape(3));
            ClosingAdam adam = new ClosingAdam(Adam.builder());
            adam.update("w", weight, gradient);
            adam.update("w", weight, gradient);
            var states = adam.states();
            assertEquals(2, states.size(), "a mean and a variance for the one parameter, created once");
            assertTrue(states.stream().noneMatch(NDArray::isReleased));
            adam.close();
            assertTrue(states.stream().allMatch(NDArray::isReleased), "closing frees both");
            assertTrue(weight.toFloatArray()[0] < 1, "the update itself still happened");
        }
    }
}
