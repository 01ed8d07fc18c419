package dev.tlkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 2-d convolution (stride 1 or more, symmetric padding, with or without bias) that runs libtorch's convolution on channel counts
 * rounded up to a multiple of {@value #MULTIPLE}: the input gets zero channels, the weight zero rows and columns,
 * and the output is cut back, so it computes exactly what {@link Conv2d} would, and trains the same parameters.
 * Why: the oneDNN kernels inside libtorch 2.7.1 returned wrong float32 results on AVX-512 CPUs for some channel
 * counts that are not a multiple of 16 (24, 40 and 72 channels on maps of 74x32 and 34x16; 8, 16, 32, 48 and 96
 * were right), which the speech embedding's parity test with ONNX Runtime caught. {@link #needed} says when.
 */
public final class ChannelPaddedConv2d extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Channel counts libtorch computed right. */
    static final int MULTIPLE = 16;

    private final Shape kernel;
    private final Shape stride;
    private final Shape padding;
    private final int inChannels;
    private final int filters;
    private final Parameter weight;
    /** Null when the convolution has no bias. */
    private final Parameter bias;

    public ChannelPaddedConv2d(int inChannels, int filters, Shape kernel, Shape stride, Shape padding, boolean bias) {
        super(VERSION);
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.inChannels = inChannels;
        this.filters = filters;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(filters, inChannels).addAll(kernel)).build());
        this.bias = bias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(filters)).build()) : null;
    }

    /** True when a convolution of these channel counts should be padded: more than 16 and not a multiple of 16. */
    public static boolean needed(long inChannels, long filters) {
        return awkward(inChannels) || awkward(filters);
    }

    private static boolean awkward(long channels) {
        return channels > MULTIPLE && channels % MULTIPLE != 0;
    }

    private static long roundUp(long channels) {
        return (channels + MULTIPLE - 1) / MULTIPLE * MULTIPLE;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager batch = x.getManager();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : store.getValue(bias, x.getDevice(), training);
        long in = roundUp(inChannels);
        long out = roundUp(filters);
        Shape s = x.getShape();
        // every array made here belongs to the input's manager (the batch's), not to the parameters' (the network's
        // for its lifetime): an op's result joins its first operand's manager, so the padded weights are moved
        if (in > inChannels) {
            x = x.concat(batch.zeros(new Shape(s.get(0), in - inChannels, s.get(2), s.get(3))), 1);
            w = inBatch(w.concat(batch.zeros(new Shape(filters, in - inChannels).addAll(kernel)), 1), batch);
        }
        if (out > filters) {
            w = inBatch(w.concat(batch.zeros(new Shape(out - filters, in).addAll(kernel)), 0), batch);
            b = b == null ? null : inBatch(b.concat(batch.zeros(new Shape(out - filters)), 0), batch);
        }
        NDArray y = Conv2d.conv2d(x, w, b, stride, padding, new Shape(1, 1), 1).singletonOrThrow();
        return new NDList(out > filters ? y.get(":, 0:" + filters) : y);
    }

    private static NDArray inBatch(NDArray array, NDManager batch) {
        array.attach(batch);
        return array;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long h = (in.get(2) + 2 * padding.get(0) - kernel.get(0)) / stride.get(0) + 1;
        long w = (in.get(3) + 2 * padding.get(1) - kernel.get(1)) / stride.get(1) + 1;
        return new Shape[] {new Shape(in.get(0), filters, h, w)};
    }
}
