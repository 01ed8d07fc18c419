package dev.tlkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Runs a block on each window of an example: an input of shape (batch, windows, ...) becomes a batch of
 * batch x windows single windows, and the outputs come back as (batch, windows, ...) or, {@link #averaged},
 * their mean over the windows, flattened to (batch, features). A speech clip is read as windows of frames so.
 */
public final class PerWindow extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Block inner;
    private final boolean average;

    private PerWindow(Block inner, boolean average) {
        super(VERSION);
        this.inner = addChildBlock("per window", inner);
        this.average = average;
    }

    /** The windows' outputs, kept apart: (batch, windows, ...). */
    public static PerWindow kept(Block inner) {
        return new PerWindow(inner, false);
    }

    /** The mean of the windows' outputs: (batch, features). */
    public static PerWindow averaged(Block inner) {
        return new PerWindow(inner, true);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        NDArray out = inner.forward(store, new NDList(x.reshape(windows(shape))), training, params).singletonOrThrow();
        NDArray regrouped = out.reshape(new Shape(shape.get(0), shape.get(1)).addAll(out.getShape().slice(1)));
        return new NDList(average ? regrouped.mean(new int[] {1}).reshape(shape.get(0), -1) : regrouped);
    }

    private static Shape windows(Shape shape) {
        if (shape.dimension() < 3) {
            throw new IllegalArgumentException("PerWindow reads (batch, windows, ...), not " + shape);
        }
        return new Shape(shape.get(0) * shape.get(1)).addAll(shape.slice(2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape out = inner.getOutputShapes(new Shape[] {windows(in)})[0].slice(1);
        return new Shape[] {average ? new Shape(in.get(0), out.size()) : new Shape(in.get(0), in.get(1)).addAll(out)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        inner.initialize(manager, dataType, windows(inputShapes[0]));
    }
}
