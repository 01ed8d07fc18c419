package dev.tlkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Random;

/**
 * Walks examples in batches, each batch with an NDManager of its own that is closed after it (so native
 * memory stays flat however many examples there are), stopping when the cell is interrupted. Training,
 * predictions and feature extraction all batch through here.
 */
public final class Batches {
    /**
     * Examples per inference batch. Measured (./kit bench, KernelSoakIT): 256 extracted features about 15 %
     * faster than 64, but the allocator kept about 230 MB more native memory and a kernel's memory grew for
     * ~100 cells; at 64 it stays flat.
     */
    public static final int INFERENCE = 64;

    private Batches() {
    }

    /** What to do with one batch: the examples at {@code indices}, which start at position {@code from}. */
    @FunctionalInterface
    public interface Body {
        /** @return whether to go on with the next batch */
        boolean accept(int from, int[] indices, NDManager batch);
    }

    /** Calls {@code body} for consecutive batches of {@code order} until it returns false; returns whether all ran. */
    public static boolean forEach(int[] order, int batchSize, NDManager parent, Body body) {
        for (int from = 0; from < order.length; from += batchSize) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted after " + from + " of " + order.length + " examples");
            }
            int[] indices = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
            try (NDManager batch = parent.newSubManager()) {
                if (!body.accept(from, indices, batch)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** 0, 1, ..., n-1. */
    public static int[] range(int n) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        return order;
    }

    /**
     * Runs {@code block} in inference mode over every example and returns its (first) output per example,
     * flattened: e.g. logits, or a feature vector.
     */
    public static float[][] outputs(Block block, NDManager parent, Examples examples) {
        return outputs(block, parent, examples, examples.inferenceBatch());
    }

    /** {@link #outputs(Block, NDManager, Examples)} in batches of {@code batchSize}. */
    public static float[][] outputs(Block block, NDManager parent, Examples examples, int batchSize) {
        float[][] rows = new float[examples.size()][];
        Random unused = new Random(0);
        forEach(examples.inferenceOrder(), batchSize, parent, (from, indices, batch) -> {
            NDList input = examples.inputs(batch, indices, unused);
            NDArray out = block.forward(new ParameterStore(batch, false), input, false).get(0);
            float[] flat = out.toFloatArray();
            int width = flat.length / indices.length;
            for (int i = 0; i < indices.length; i++) {
                rows[indices[i]] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
            }
            return true;
        });
        return rows;
    }
}
