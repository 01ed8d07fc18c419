package dev.tlkit.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A feature extractor made of named stages run one after the other (a DJL block). A frozen stage
 * gets no gradient AND runs in inference mode during training, so its batch-norm statistics stay
 * as pre-training left them (Keras does the same for {@code trainable = False}).
 */
public final class StagedBackbone extends AbstractBlock {
    private static final byte VERSION = 1;

    private final List<String> stageNames = new ArrayList<>();
    private final List<Block> stages = new ArrayList<>();
    private boolean[] frozen;

    public StagedBackbone() {
        super(VERSION);
    }

    /** Appends a stage; stages run in the order they are added. */
    public StagedBackbone add(String name, Block stage) {
        addChildBlock(name, stage);
        stageNames.add(name);
        stages.add(stage);
        frozen = new boolean[stages.size()];
        return this;
    }

    public List<String> stageNames() {
        return List.copyOf(stageNames);
    }

    public Block stage(int index) {
        return stages.get(index);
    }

    public int stageCount() {
        return stages.size();
    }

    public boolean isFrozen(int stage) {
        return frozen[stage];
    }

    /** Freezes ({@code true}) or unfreezes one stage. Batch-norm running statistics never take gradients. */
    public void setFrozen(int stage, boolean value) {
        frozen[stage] = value;
        stages.get(stage).freezeParameters(value, StagedBackbone::isLearnable);
    }

    /** Freezes the lower stages and opens the top {@code k} for training (0: all frozen, stageCount(): none). */
    public void openTop(int k) {
        if (k < 0 || k > stageCount()) {
            throw new IllegalArgumentException("k must be between 0 and " + stageCount() + ", got " + k);
        }
        for (int i = 0; i < stageCount(); i++) {
            setFrozen(i, i < stageCount() - k);
        }
    }

    /** Weights and biases (also batch norm's gamma and beta), not the running mean and variance. */
    public static boolean isLearnable(Parameter parameter) {
        return parameter.getType() != Parameter.Type.RUNNING_MEAN && parameter.getType() != Parameter.Type.RUNNING_VAR;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList current = inputs;
        for (int i = 0; i < stages.size(); i++) {
            current = stages.get(i).forward(store, current, training && !frozen[i], params);
        }
        return current;
    }

    /** Runs the first {@code count} stages only: the activations after stage {@code count - 1}. */
    public NDList forwardThrough(ParameterStore store, NDList inputs, int count) {
        NDList current = inputs;
        for (int i = 0; i < count; i++) {
            current = stages.get(i).forward(store, current, false, null);
        }
        return current;
    }

    /** The shapes after the first {@code count} stages. */
    public Shape[] shapesThrough(Shape[] inputShapes, int count) {
        Shape[] current = inputShapes;
        for (int i = 0; i < count; i++) {
            current = stages.get(i).getOutputShapes(current);
        }
        return current;
    }

    /**
     * How many stages lie below the top {@code k}, for caching what they compute: at least one must lie below (else
     * there is nothing to cache) and at least one above.
     */
    public int belowTop(int k) {
        if (k < 1 || k >= stageCount()) {
            throw new IllegalArgumentException("the top k blocks must leave at least one below: k between 1 and "
                    + (stageCount() - 1) + ", got " + k);
        }
        return stageCount() - k;
    }

    /** The first {@code count} stages as one block (the same stage objects), e.g. to run them once and cache. */
    public SequentialBlock bottom(int count) {
        if (count < 1 || count > stages.size()) {
            throw new IllegalArgumentException("count must be between 1 and " + stages.size() + ", got " + count);
        }
        SequentialBlock bottom = new SequentialBlock();
        stages.subList(0, count).forEach(bottom::add);
        return bottom;
    }

    /** The last {@code k} stages as one block (the same stage objects, so training it trains them). */
    public SequentialBlock top(int k) {
        if (k < 1 || k > stages.size()) {
            throw new IllegalArgumentException("k must be between 1 and " + stages.size() + ", got " + k);
        }
        SequentialBlock top = new SequentialBlock();
        stages.subList(stages.size() - k, stages.size()).forEach(top::add);
        return top;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] current = inputShapes;
        for (Block stage : stages) {
            current = stage.getOutputShapes(current);
        }
        return current;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] current = inputShapes;
        for (Block stage : stages) {
            stage.initialize(manager, dataType, current);
            current = stage.getOutputShapes(current);
        }
    }
}
