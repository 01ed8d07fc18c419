package dev.tlkit.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;

/** How far training moved a block: the relative change ||w - w0|| / ||w0|| of its learnable parameters. */
public final class ParameterChange {
    private ParameterChange() {
    }

    /** The relative change of {@code now}'s learnable parameters from {@code before}'s (the same architecture). */
    public static double relative(Block now, Block before) {
        PairList<String, Parameter> a = now.getParameters();
        PairList<String, Parameter> b = before.getParameters();
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("the blocks have different parameters: " + a.keys() + " vs " + b.keys());
        }
        double diff = 0;
        double norm = 0;
        for (int p = 0; p < a.size(); p++) {
            if (!StagedBackbone.isLearnable(a.valueAt(p))) {
                continue;
            }
            float[] x = a.valueAt(p).getArray().toFloatArray();
            float[] y = b.valueAt(p).getArray().toFloatArray();
            for (int j = 0; j < x.length; j++) {
                diff += (x[j] - y[j]) * (double) (x[j] - y[j]);
                norm += y[j] * (double) y[j];
            }
        }
        return Math.sqrt(diff / Math.max(norm, 1e-30));
    }
}
