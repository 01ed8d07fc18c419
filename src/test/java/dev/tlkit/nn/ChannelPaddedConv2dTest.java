package dev.tlkit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** The padded convolution computes a plain convolution's result, checked against one in float64. */
class ChannelPaddedConv2dTest {

    @Test
    void computesWhatAConvolutionComputes() {
        ChannelPaddedConv2d conv = new ChannelPaddedConv2d(24, 40, new Shape(1, 3), new Shape(1, 1), new Shape(0, 1),
                true);
        try (Network network = Network.of("padded", conv, new Shape(24, 74, 32), 3);
             NDManager manager = network.manager().newSubManager()) {
            manager.getEngine().setRandomSeed(3);
            NDArray x = manager.randomNormal(new Shape(2, 24, 74, 32));
            NDArray y = conv.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            assertEquals(new Shape(2, 40, 74, 32), y.getShape());
            assertEquals(conv.getOutputShapes(new Shape[] {x.getShape()})[0], y.getShape());
            NDArray w = conv.getParameters().get("weight").getArray();
            NDArray b = conv.getParameters().get("bias").getArray();
            NDArray reference = Conv2d.conv2d(x.toType(DataType.FLOAT64, true), w.toType(DataType.FLOAT64, true),
                    b.toType(DataType.FLOAT64, true), new Shape(1, 1), new Shape(0, 1), new Shape(1, 1), 1)
                    .singletonOrThrow().toType(DataType.FLOAT32, true);
            float worst = y.sub(reference).abs().max().getFloat();
            assertTrue(worst < 1e-3f * reference.abs().max().getFloat(), "differs by " + worst);
            assertEquals(24 * 40 * 3 + 40, conv.getParameters().values().stream().mapToLong(p -> p.getShape().size())
                    .sum(), "the padding adds no parameters");
            assertTrue(conv.getParameters().values().stream().allMatch(p -> p.getType() == Parameter.Type.WEIGHT
                    || p.getType() == Parameter.Type.BIAS));
        }
    }

    @Test
    void computesAConvolutionWithoutBias() {
        ChannelPaddedConv2d conv = new ChannelPaddedConv2d(72, 24, new Shape(3, 1), new Shape(1, 1), new Shape(0, 0),
                false);
        try (Network network = Network.of("padded", conv, new Shape(72, 14, 4), 4);
             NDManager manager = network.manager().newSubManager()) {
            manager.getEngine().setRandomSeed(4);
            NDArray x = manager.randomNormal(new Shape(3, 72, 14, 4));
            NDArray y = conv.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            NDArray w = conv.getParameters().get("weight").getArray();
            NDArray reference = Conv2d.conv2d(x.toType(DataType.FLOAT64, true), w.toType(DataType.FLOAT64, true),
                    null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow()
                    .toType(DataType.FLOAT32, true);
            assertEquals(new Shape(3, 24, 12, 4), y.getShape());
            float worst = y.sub(reference).abs().max().getFloat();
            assertTrue(worst < 1e-3f * reference.abs().max().getFloat(), "differs by " + worst);
            assertEquals(72 * 24 * 3, conv.getParameters().values().stream().mapToLong(p -> p.getShape().size()).sum(),
                    "no bias");
        }
    }

    @Test
    void padsOnlyCountsThatAreNotMultiplesOfSixteen() {
        assertTrue(ChannelPaddedConv2d.needed(24, 24));
        assertTrue(ChannelPaddedConv2d.needed(48, 72));
        assertFalse(ChannelPaddedConv2d.needed(1, 16));
        assertFalse(ChannelPaddedConv2d.needed(32, 96));
        assertFalse(ChannelPaddedConv2d.needed(8, 8));
    }
}
