package dev.tlkit.nn.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One BERT encoder layer as Hugging Face's {@code BertLayer} computes it (post-norm): multi-head self-attention over
 * the real tokens (padding masked out), a dense projection added to its input and LayerNorm; then the feed-forward
 * part, dense to the intermediate size, exact (erf) GELU, dense back, added to its input and LayerNorm. Reads and
 * gives (hidden states, mask). No dropout: the kit trains on few labels with early stopping and seeds everything.
 */
public final class BertLayer extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Added to the attention score of a padding token. */
    static final float MASKED = -10_000f;

    final Linear query;
    final Linear key;
    final Linear value;
    final Linear attentionOutput;
    final LayerNorm attentionNorm;
    final Linear intermediate;
    final Linear output;
    final LayerNorm outputNorm;
    private final int heads;
    private final int headSize;
    private final int hidden;
    private final int intermediateSize;

    public BertLayer(BertConfig config) {
        super(VERSION);
        heads = config.heads();
        headSize = config.headSize();
        hidden = config.hidden();
        intermediateSize = config.intermediate();
        query = addChildBlock("attention.self.query", linear(hidden));
        key = addChildBlock("attention.self.key", linear(hidden));
        value = addChildBlock("attention.self.value", linear(hidden));
        attentionOutput = addChildBlock("attention.output.dense", linear(hidden));
        attentionNorm = addChildBlock("attention.output.LayerNorm", norm(config));
        intermediate = addChildBlock("intermediate.dense", linear(intermediateSize));
        output = addChildBlock("output.dense", linear(hidden));
        outputNorm = addChildBlock("output.LayerNorm", norm(config));
    }

    private static Linear linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    private static LayerNorm norm(BertConfig config) {
        return LayerNorm.builder().axis(2).optEpsilon(config.layerNormEpsilon()).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1);
        long batch = x.getShape().get(0);
        long tokens = x.getShape().get(1);
        NDArray q = heads(run(query, store, x, training), batch, tokens);
        NDArray k = heads(run(key, store, x, training), batch, tokens);
        NDArray v = heads(run(value, store, x, training), batch, tokens);
        // padding gets -10,000 added to its score, as the original BERT does, so softmax gives it no weight
        // (exp underflows to 0). Hugging Face now adds the lowest float instead; here that made training turn to NaN
        // now and then when the CPU was busy (all six layers trained, a different code path of the fused softmax).
        NDArray padding = mask.neg().add(1).mul(MASKED).reshape(batch, 1, 1, tokens);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(headSize)).add(padding);
        NDArray context = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(batch, tokens, hidden);
        NDArray attended = run(attentionNorm, store, run(attentionOutput, store, context, training).add(x), training);
        NDArray expanded = Activation.gelu(run(intermediate, store, attended, training));
        NDArray out = run(outputNorm, store, run(output, store, expanded, training).add(attended), training);
        return new NDList(out, mask);
    }

    private NDArray heads(NDArray projected, long batch, long tokens) {
        return projected.reshape(batch, tokens, heads, headSize).transpose(0, 2, 1, 3);
    }

    private static NDArray run(AbstractBlock block, ParameterStore store, NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).head();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes.clone();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape states = inputShapes[0];
        for (AbstractBlock block : new AbstractBlock[] {query, key, value, attentionOutput, attentionNorm}) {
            block.initialize(manager, dataType, states);
        }
        intermediate.initialize(manager, dataType, states);
        output.initialize(manager, dataType, new Shape(states.get(0), states.get(1), intermediateSize));
        outputNorm.initialize(manager, dataType, states);
    }
}
