package dev.tlkit.nn.keras;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tlkit.nn.tfjs.TfjsLayersModel;

/** The DJL layer for each Keras layer the kit reads, configured as the Keras config says. */
final class KerasLayers {
    private KerasLayers() {
    }

    static Block block(JsonObject layer, TfjsLayersModel model, BatchNormMode mode) {
        String name = layer.get("name").getAsString();
        JsonObject config = layer.getAsJsonObject("config");
        return switch (layer.get("class_name").getAsString()) {
            case "Conv2D" -> {
                requireLinear(config, name);
                yield convolution(config, name, config.get("filters").getAsInt(), 1);
            }
            case "DepthwiseConv2D" -> {
                requireLinear(config, name);
                if (config.get("depth_multiplier").getAsInt() != 1) {
                    throw new IllegalArgumentException(name + ": only a depth multiplier of 1 is supported");
                }
                long channels = model.weight(name + "/depthwise_kernel").shape()[2];
                yield convolution(config, name, (int) channels, (int) channels);
            }
            case "BatchNormalization" -> {
                if (config.get("axis").getAsInt() != -1 && config.get("axis").getAsInt() != 3) {
                    throw new IllegalArgumentException(name + ": only batch norm over the channels is supported");
                }
                yield BatchNorm.builder().optAxis(1).optEpsilon(config.get("epsilon").getAsFloat())
                        .optMomentum(mode == BatchNormMode.FROM_SCRATCH ? BatchNormMode.SCRATCH_MOMENTUM
                                : config.get("momentum").getAsFloat())
                        .optCenter(config.get("center").getAsBoolean()).optScale(config.get("scale").getAsBoolean())
                        .build();
            }
            case "ReLU" -> relu(config, name);
            case "ZeroPadding2D" -> {
                JsonArray padding = config.getAsJsonArray("padding");
                long top = padding.get(0).getAsJsonArray().get(0).getAsLong();
                long bottom = padding.get(0).getAsJsonArray().get(1).getAsLong();
                long left = padding.get(1).getAsJsonArray().get(0).getAsLong();
                long right = padding.get(1).getAsJsonArray().get(1).getAsLong();
                Shape pad = new Shape(left, right, top, bottom);   // last dimension first, as PyTorch pads
                yield LambdaBlock.singleton(x -> x.pad(pad, 0), name);
            }
            default -> throw new IllegalArgumentException("the Keras layer " + name + " is a "
                    + layer.get("class_name").getAsString() + ", which the kit does not read");
        };
    }

    private static Block convolution(JsonObject config, String name, int filters, int groups) {
        long kh = config.getAsJsonArray("kernel_size").get(0).getAsLong();
        long kw = config.getAsJsonArray("kernel_size").get(1).getAsLong();
        long sh = config.getAsJsonArray("strides").get(0).getAsLong();
        long sw = config.getAsJsonArray("strides").get(1).getAsLong();
        String padding = config.get("padding").getAsString();
        Shape pad;
        if (padding.equals("valid")) {
            pad = new Shape(0, 0);
        } else if (padding.equals("same") && sh == 1 && sw == 1 && kh % 2 == 1 && kw % 2 == 1) {
            pad = new Shape(kh / 2, kw / 2);
        } else {
            throw new IllegalArgumentException(name + ": 'same' padding with stride " + sh + " is asymmetric in Keras;"
                    + " only files that pad such layers with ZeroPadding2D are supported");
        }
        return Conv2d.builder().setKernelShape(new Shape(kh, kw)).setFilters(filters).optStride(new Shape(sh, sw))
                .optPadding(pad).optGroups(groups).optBias(config.get("use_bias").getAsBoolean()).build();
    }

    private static Block relu(JsonObject config, String name) {
        boolean leaky = config.has("negative_slope") && config.get("negative_slope").getAsDouble() != 0;
        boolean shifted = config.has("threshold") && config.get("threshold").getAsDouble() != 0;
        if (leaky || shifted) {
            throw new IllegalArgumentException(name + ": only ReLU without a slope or threshold is supported");
        }
        if (!config.has("max_value") || config.get("max_value").isJsonNull()) {
            return Activation.reluBlock();
        }
        float max = config.get("max_value").getAsFloat();
        return LambdaBlock.singleton(x -> x.clip(0, max), name);
    }

    private static void requireLinear(JsonObject config, String name) {
        if (config.has("activation") && !config.get("activation").getAsString().equals("linear")) {
            throw new IllegalArgumentException(name + ": a convolution with a built-in activation is not supported");
        }
        if (config.has("dilation_rate")) {
            for (var d : config.getAsJsonArray("dilation_rate")) {
                if (d.getAsInt() != 1) {
                    throw new IllegalArgumentException(name + ": dilated convolutions are not supported");
                }
            }
        }
    }

    /** The Keras name of DJL parameter {@code parameter} of {@code block}, e.g. "kernel" or "moving_mean". */
    static String kerasWeightName(Block block, String parameter) {
        if (block instanceof Conv2d conv) {
            if (parameter.equals("bias")) {
                return "bias";
            }
            return conv.getGroups() > 1 ? "depthwise_kernel" : "kernel";
        }
        return switch (parameter) {
            case "gamma" -> "gamma";
            case "beta" -> "beta";
            case "runningMean" -> "moving_mean";
            case "runningVar" -> "moving_variance";
            default -> throw new IllegalArgumentException("no Keras weight for DJL parameter " + parameter);
        };
    }

    /**
     * A Keras kernel laid out for DJL: [kh, kw, in, out] to [out, in, kh, kw]; a depthwise kernel [kh, kw, C, 1]
     * to [C, 1, kh, kw] (the same formula with out = 1 read as in = 1).
     */
    static float[] channelsFirst(TfjsLayersModel.Tensor tensor) {
        long[] s = tensor.shape();
        if (s.length == 1) {
            return tensor.values();   // a bias
        }
        int kh = (int) s[0];
        int kw = (int) s[1];
        int in = (int) s[2];
        int out = (int) s[3];
        boolean depthwise = tensor.name().endsWith("depthwise_kernel");
        float[] hwio = tensor.values();
        float[] result = new float[hwio.length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        float v = hwio[((h * kw + w) * in + i) * out + o];
                        int target = depthwise
                                ? ((i * out + o) * kh + h) * kw + w               // [C, 1, kh, kw] with C = in
                                : ((o * in + i) * kh + h) * kw + w;               // [out, in, kh, kw]
                        result[target] = v;
                    }
                }
            }
        }
        return result;
    }

}
