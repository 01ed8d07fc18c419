package dev.tlkit.nn.keras;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.tlkit.nn.LayerGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of a Keras functional model as one DJL block: its layers in the file's order, each reading the outputs
 * of the layers it names (residual connections included), from one input to one output. A MobileNetV2 block
 * (expand, depthwise, project, add) is one such graph.
 */
public final class KerasGraph extends AbstractBlock implements LayerGraph {
    private static final byte VERSION = 1;

    /** One layer: a DJL block, or an element-wise sum of its inputs (Keras' Add); some always run in inference. */
    record Node(String name, Block block, List<String> inputs, boolean inferenceOnly) {
        boolean isAdd() {
            return block == null;
        }
    }

    private final String input;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Block> blocks = new HashMap<>();

    /** A graph whose first layers read {@code input} (the name of what feeds the graph). */
    KerasGraph(String input) {
        super(VERSION);
        this.input = input;
    }

    /** Appends a layer that applies {@code block} to the output of {@code from}, in inference mode if asked. */
    KerasGraph layer(String name, Block block, String from, boolean inferenceOnly) {
        addChildBlock(name, block);
        blocks.put(name, block);
        nodes.add(new Node(name, block, List.of(from), inferenceOnly));
        return this;
    }

    /** Appends a layer that adds the outputs of {@code inputs} element by element. */
    KerasGraph add(String name, List<String> inputs) {
        nodes.add(new Node(name, null, List.copyOf(inputs), false));
        return this;
    }

    /** The name of the last layer: the graph's output. */
    String output() {
        return nodes.isEmpty() ? input : nodes.get(nodes.size() - 1).name();
    }

    /** The DJL block of layer {@code name}. */
    Block block(String name) {
        Block block = blocks.get(name);
        if (block == null) {
            throw new IllegalArgumentException("no layer with weights called " + name);
        }
        return block;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        Map<String, NDArray> values = new HashMap<>();
        values.put(input, inputs.singletonOrThrow());
        for (Node node : nodes) {
            NDArray out;
            if (node.isAdd()) {
                out = values.get(node.inputs().get(0));
                for (int i = 1; i < node.inputs().size(); i++) {
                    out = out.add(values.get(node.inputs().get(i)));
                }
            } else {
                out = node.block().forward(store, new NDList(values.get(node.inputs().get(0))),
                        training && !node.inferenceOnly(), params).singletonOrThrow();
            }
            values.put(node.name(), out);
        }
        return new NDList(values.get(output()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {shapes(inputShapes[0]).get(output())};
    }

    /** The output shape of every layer for an input of {@code shape}: a block's input is its input layer's output. */
    Map<String, Shape> shapes(Shape shape) {
        Map<String, Shape> shapes = new HashMap<>();
        shapes.put(input, shape);
        for (Node node : nodes) {
            Shape in = shapes.get(node.inputs().get(0));
            shapes.put(node.name(), node.isAdd() ? in : node.block().getOutputShapes(new Shape[] {in})[0]);
        }
        return shapes;
    }

    @Override
    public List<Map.Entry<Block, Shape>> layerInputs(Shape shape) {
        Map<String, Shape> shapes = shapes(shape);
        return nodes.stream().filter(n -> !n.isAdd())
                .map(n -> Map.entry(n.block(), shapes.get(n.inputs().get(0)))).toList();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Map<String, Shape> shapes = new HashMap<>();
        shapes.put(input, inputShapes[0]);
        for (Node node : nodes) {
            Shape in = shapes.get(node.inputs().get(0));
            if (!node.isAdd()) {
                node.block().initialize(manager, dataType, in);
            }
            shapes.put(node.name(), node.isAdd() ? in : node.block().getOutputShapes(new Shape[] {in})[0]);
        }
    }
}
