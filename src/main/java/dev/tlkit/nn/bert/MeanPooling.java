package dev.tlkit.nn.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A sentence's embedding as sentence-transformers makes it: the mean of its real tokens' hidden states (padding left
 * out), scaled to unit length. Reads (hidden states, mask); gives (batch, hidden).
 */
public final class MeanPooling extends AbstractBlock {
    private static final byte VERSION = 1;

    public MeanPooling() {
        super(VERSION);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray states = inputs.get(0);
        NDArray mask = inputs.get(1).expandDims(2);
        NDArray mean = states.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1e-9f));
        NDArray norm = mean.norm(new int[] {1}, true).maximum(1e-12f);
        return new NDList(mean.div(norm));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape states = inputShapes[0];
        return new Shape[] {new Shape(states.get(0), states.get(2))};
    }
}
