package dev.tlkit.nn.onnx;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import dev.tlkit.nn.ChannelPaddedConv2d;
import dev.tlkit.nn.ParameterValues;
import dev.tlkit.nn.StagedBackbone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A convolutional network stored in ONNX as one chain of nodes (each reads the previous node's output), rebuilt
 * as DJL blocks so that it can be trained: Conv, LeakyRelu, Relu, Max with a constant (a floor), MaxPool and
 * Reshape, the operations tf2onnx writes for a Keras CNN whose batch norms it folded into the convolutions.
 * The blocks are grouped into stages, one ending at each MaxPool (the nodes after the last pool are a stage of
 * their own): the units {@link StagedBackbone} freezes and opens.
 */
public final class OnnxConvChain {
    private final OnnxModel model;
    private final StagedBackbone stages = new StagedBackbone();
    /** The DJL convolution of each ONNX Conv node, to copy the weights into once the network is initialised. */
    private final Map<Block, OnnxModel.Node> convolutions = new LinkedHashMap<>();

    private OnnxConvChain(OnnxModel model) {
        this.model = model;
    }

    /** Rebuilds {@code model}'s graph; an error names the first node the kit cannot rebuild. */
    public static OnnxConvChain of(OnnxModel model) {
        OnnxConvChain chain = new OnnxConvChain(model);
        chain.build();
        return chain;
    }

    private void build() {
        String previous = null;
        SequentialBlock stage = new SequentialBlock();
        int convs = 0;
        for (OnnxModel.Node node : model.nodes()) {
            List<String> data = node.inputs().stream().filter(i -> !model.hasInitializer(i)).toList();
            if (data.size() != 1 || (previous != null && !data.get(0).equals(previous))) {
                throw unsupported(node, "it does not read the previous node's output alone: the kit rebuilds chains only");
            }
            previous = node.outputs().get(0);
            switch (node.opType()) {
                case "Conv" -> {
                    Block conv = conv(node);
                    convolutions.put(conv, node);
                    stage.add(conv);
                    convs++;
                }
                case "LeakyRelu" -> {
                    float alpha = node.floatAttribute("alpha", 0.01f);
                    stage.add(Activation.leakyReluBlock(alpha));
                }
                case "Relu" -> stage.add(Activation.reluBlock());
                case "Max" -> {
                    float floor = scalar(node);
                    stage.add(LambdaBlock.singleton(x -> x.maximum(floor), "max(x, " + floor + ")"));
                }
                case "MaxPool" -> {
                    stage.add(Pool.maxPool2dBlock(shape(node.ints("kernel_shape")), shape(node.ints("strides", 1, 1)),
                            symmetricPadding(node)));
                    stages.add("block " + (stages.stageCount() + 1) + " (" + convs + " conv)", stage);
                    stage = new SequentialBlock();
                    convs = 0;
                }
                case "Reshape" -> stage.add(reshape(node));
                default -> throw unsupported(node, "the kit does not rebuild " + node.opType() + " nodes");
            }
        }
        if (!stage.getChildren().isEmpty()) {
            stages.add("block " + (stages.stageCount() + 1) + " (" + convs + " conv)", stage);
        }
    }

    private Block conv(OnnxModel.Node node) {
        if (node.ints("group", 1)[0] != 1 || Arrays.stream(node.ints("dilations", 1, 1)).anyMatch(d -> d != 1)) {
            throw unsupported(node, "grouped or dilated convolutions are not rebuilt");
        }
        long[] weight = model.initializer(node.inputs().get(1)).shape();
        Shape kernel = new Shape(weight[2], weight[3]);
        Shape strides = shape(node.ints("strides", 1, 1));
        Shape padding = symmetricPadding(node);
        boolean bias = node.inputs().size() > 2;
        if (ChannelPaddedConv2d.needed(weight[1], weight[0])) {
            return new ChannelPaddedConv2d((int) weight[1], (int) weight[0], kernel, strides, padding, bias);
        }
        return Conv2d.builder().setKernelShape(kernel).setFilters((int) weight[0]).optStride(strides)
                .optPadding(padding).optBias(bias).build();
    }

    /** ONNX pads are [top, left, bottom, right]; DJL pads both sides alike. */
    private Shape symmetricPadding(OnnxModel.Node node) {
        String autoPad = node.stringAttribute("auto_pad", "NOTSET");
        if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
            throw unsupported(node, "auto_pad " + autoPad + " is not rebuilt (export with explicit pads)");
        }
        long[] pads = node.ints("pads", 0, 0, 0, 0);
        if (pads.length != 4 || pads[0] != pads[2] || pads[1] != pads[3]) {
            throw unsupported(node, "its padding " + Arrays.toString(pads) + " is not the same on both sides");
        }
        return new Shape(pads[0], pads[1]);
    }

    private float scalar(OnnxModel.Node node) {
        OnnxTensor constant = node.inputs().stream().filter(model::hasInitializer).findFirst()
                .map(model::initializer).orElseThrow(() -> unsupported(node, "it has no constant operand"));
        float[] values = constant.floats();
        if (values.length != 1) {
            throw unsupported(node, "its constant " + constant + " is not one number");
        }
        return values[0];
    }

    private Block reshape(OnnxModel.Node node) {
        long[] target = model.initializer(node.inputs().get(1)).longs();
        if (target.length == 0 || target[0] != -1 || Arrays.stream(target).skip(1).anyMatch(d -> d < 1)) {
            throw unsupported(node, "its target shape " + Arrays.toString(target) + " is not (-1, fixed sizes...)");
        }
        Shape shape = new Shape(target);
        return LambdaBlock.singleton(x -> x.reshape(shape), "reshape to " + shape);
    }

    private static Shape shape(long[] dims) {
        return new Shape(dims);
    }

    private IllegalArgumentException unsupported(OnnxModel.Node node, String why) {
        return new IllegalArgumentException("cannot rebuild node " + node.name() + " (" + node.opType() + ") of "
                + model + " as a DJL block: " + why);
    }

    /** The network, in stages; its parameters are initialised by whoever builds a network on it. */
    public StagedBackbone stages() {
        return stages;
    }

    /** The convolutions in the graph's order (the first one reads the input). */
    public List<Block> convolutions() {
        return new ArrayList<>(convolutions.keySet());
    }

    /** Copies the ONNX weights and biases into the initialised blocks. */
    public void loadWeights() {
        convolutions.forEach((conv, node) -> {
            for (var entry : conv.getParameters()) {
                Parameter parameter = entry.getValue();
                String input = node.inputs().get(parameter.getType() == Parameter.Type.WEIGHT ? 1 : 2);
                OnnxTensor tensor = model.initializer(input);
                ParameterValues.write(parameter, tensor.floats(), tensor.shape(), "the initializer " + input
                        + " (node " + node.name() + ")");
            }
        });
    }
}
