package dev.tlkit.nn.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * BERT's input layer: word-piece, position and token-type embeddings added, then LayerNorm. Reads (token ids,
 * attention mask), both (batch, tokens) int64; gives (hidden states (batch, tokens, hidden), mask as float32), the
 * pair every encoder layer reads. Every token has type 0 (one sentence per input).
 */
public final class BertEmbeddings extends AbstractBlock {
    private static final byte VERSION = 1;

    final IdLookup words;
    final IdLookup positions;
    final IdLookup types;
    final LayerNorm norm;
    private final int hidden;

    public BertEmbeddings(BertConfig config) {
        super(VERSION);
        hidden = config.hidden();
        words = addChildBlock("word_embeddings", new IdLookup(config.vocabularySize(), hidden));
        positions = addChildBlock("position_embeddings", new IdLookup(config.maxPositions(), hidden));
        types = addChildBlock("token_type_embeddings", new IdLookup(config.typeVocabularySize(), hidden));
        norm = addChildBlock("LayerNorm", LayerNorm.builder().axis(2).optEpsilon(config.layerNormEpsilon()).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : ids.onesLike();
        long tokens = ids.getShape().get(1);
        NDManager manager = ids.getManager();
        NDArray position = manager.arange(0, tokens, 1, DataType.INT64).expandDims(0);
        NDArray sum = words.forward(store, new NDList(ids), training).head()
                .add(positions.forward(store, new NDList(position), training).head())
                .add(types.forward(store, new NDList(ids.zerosLike()), training).head());
        return new NDList(norm.forward(store, new NDList(sum), training).head(), mask.toType(DataType.FLOAT32, false));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {ids.addAll(new Shape(hidden)), ids};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        words.initialize(manager, dataType, ids);
        positions.initialize(manager, dataType, new Shape(1, ids.get(1)));
        types.initialize(manager, dataType, ids);
        norm.initialize(manager, dataType, ids.addAll(new Shape(hidden)));
    }
}
