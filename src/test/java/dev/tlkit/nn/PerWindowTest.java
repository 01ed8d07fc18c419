package dev.tlkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Windows of an example run one by one through the inner block, then regrouped or averaged per example. */
class PerWindowTest {
    /** Each window of two numbers to its sum and its difference (so the windows must not mix). */
    private static final LambdaBlock SUM_AND_DIFFERENCE = LambdaBlock.singleton(
            x -> x.sum(new int[] {1}, true).concat(x.get(":, 0:1").sub(x.get(":, 1:2")), 1), "sum, difference");

    private static float[] run(PerWindow block, float[] values, Shape shape) {
        try (Network network = Network.of("windows", block, shape.slice(1), 0);
             NDManager manager = network.manager().newSubManager()) {
            NDList out = block.forward(new ParameterStore(manager, false), new NDList(manager.create(values, shape)), false);
            assertEquals(block.getOutputShapes(new Shape[] {shape})[0], out.singletonOrThrow().getShape());
            return out.singletonOrThrow().toFloatArray();
        }
    }

    // two examples of three windows of two numbers: (1, 2), (3, 5), (6, 9) and (0, 0), (1, 1), (2, 0)
    private static final float[] INPUT = {1, 2, 3, 5, 6, 9, 0, 0, 1, 1, 2, 0};
    private static final Shape SHAPE = new Shape(2, 3, 2);

    @Test
    void keepsEachWindowsOutputInItsPlace() {
        assertArrayEquals(new float[] {3, -1, 8, -2, 15, -3, 0, 0, 2, 0, 2, 2}, run(PerWindow.kept(SUM_AND_DIFFERENCE),
                INPUT, SHAPE));
    }

    @Test
    void averagesTheWindowsOfEachExample() {
        assertArrayEquals(new float[] {26 / 3f, -2, 4 / 3f, 2 / 3f}, run(PerWindow.averaged(SUM_AND_DIFFERENCE),
                INPUT, SHAPE), 1e-6f);
    }

    @Test
    void needsABatchOfWindows() {
        assertThrows(IllegalArgumentException.class,
                () -> PerWindow.averaged(SUM_AND_DIFFERENCE).getOutputShapes(new Shape[] {new Shape(2, 6)}));
    }
}
