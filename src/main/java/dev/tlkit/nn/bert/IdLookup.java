package dev.tlkit.nn.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A table of vectors looked up by integer id (word pieces, positions, token types): DJL's embedding operator
 * ({@link Embedding#embedding}, libtorch's {@code embedding}) over a weight of (ids, size). DJL's own
 * {@code IdEmbedding} looks up with MXNet's gather_nd, which under training now and then returned numbers that turned
 * the loss into NaN here; the embedding operator is the one PyTorch's BERT uses.
 */
public final class IdLookup extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int size;
    private final Parameter table;

    public IdLookup(int ids, int size) {
        super(VERSION);
        this.size = size;
        this.table = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(ids, size)).build());
    }

    /** The (ids, size) table. */
    Parameter table() {
        return table;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        NDArray weight = store.getValue(table, ids.getDevice(), training);
        return Embedding.embedding(ids, weight, SparseFormat.DENSE);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].addAll(new Shape(size))};
    }
}
