package dev.tlkit.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The kit's vision network: three convolutional stages on 28x28 grey-scale images (a 3x3
 * convolution, batch norm and ReLU each; the first two end in a 2x2 max pool, the last in a global
 * average pool), so the backbone maps an image to a feature vector of {@code 4 * width} numbers.
 * {@code width = 32} gives 32-64-128 channels and 93k parameters: small enough to train on a CPU
 * in seconds.
 */
public final class SmallCnn {
    private SmallCnn() {
    }

    public static StagedBackbone backbone(int width) {
        return new StagedBackbone()
                .add("stage1", stage(width, true))
                .add("stage2", stage(2 * width, true))
                .add("stage3", new SequentialBlock()
                        .add(conv(4 * width))
                        .add(BatchNorm.builder().build())
                        .add(Activation.reluBlock())
                        .add(Pool.globalAvgPool2dBlock()));
    }

    /** A 3x3 convolution with batch norm and ReLU, then a 2x2 max pool. */
    private static Block stage(int channels, boolean pool) {
        SequentialBlock block = new SequentialBlock()
                .add(conv(channels)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
        if (pool) {
            block.add(Pool.maxPool2dBlock(new Shape(2, 2)));
        }
        return block;
    }

    private static Conv2d conv(int channels) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(channels).build();
    }
}
