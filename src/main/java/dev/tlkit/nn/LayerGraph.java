package dev.tlkit.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Map;

/** A block made of layers that do not simply follow each other (residual connections): it tells each layer's input. */
public interface LayerGraph {

    /** Every layer with weights and the shape of its input, for an input of {@code input}, in order. */
    List<Map.Entry<Block, Shape>> layerInputs(Shape input);
}
