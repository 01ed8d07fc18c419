package dev.tlkit.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;

/**
 * Counted work: the multiply-adds one example costs in a forward pass through a network of convolutions and
 * linear layers (the layers that dominate the cost; normalisation, activations and pooling are not counted).
 * Unlike seconds, the count is the same on every machine and under any load.
 */
public final class MultiplyAdds {
    private MultiplyAdds() {
    }

    /** Multiply-adds of one forward pass of one example of shape {@code exampleShape}; the block must be initialised. */
    public static long perExample(Block block, Shape exampleShape) {
        return count(block, new Shape[] {new Shape(1).addAll(exampleShape)});
    }

    private static long count(Block block, Shape[] inputs) {
        if (block instanceof Convolution || block instanceof Linear) {
            Shape out = block.getOutputShapes(inputs)[0];
            Shape weight = block.getParameters().values().stream().filter(p -> p.getType() == Parameter.Type.WEIGHT)
                    .findFirst().orElseThrow().getShape();
            long outputChannels = weight.get(0);
            return out.size() * (weight.size() / outputChannels);
        }
        if (block instanceof LayerGraph graph) {
            return graph.layerInputs(inputs[0]).stream()
                    .mapToLong(layer -> count(layer.getKey(), new Shape[] {layer.getValue()})).sum();
        }
        if (block instanceof ParallelBlock) {
            return block.getChildren().values().stream().mapToLong(child -> count(child, inputs)).sum();
        }
        if (block instanceof SequentialBlock || block instanceof StagedBackbone) {
            long total = 0;
            Shape[] current = inputs;
            for (Block child : block.getChildren().values()) {
                total += count(child, current);
                current = child.getOutputShapes(current);
            }
            return total;
        }
        return 0;
    }
}
