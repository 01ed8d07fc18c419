package dev.tlkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Feature maps of one image (a batch of one, channels first) as Java arrays: [channel][row][column]. */
public final class FeatureMaps {
    private FeatureMaps() {
    }

    /** {@code maps} of shape (1, channels, h, w) as float[channels][h][w]. */
    public static float[][][] of(NDArray maps) {
        Shape s = maps.getShape();
        float[] flat = maps.toFloatArray();
        int c = (int) s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        float[][][] out = new float[c][h][w];
        for (int k = 0; k < c; k++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(flat, (k * h + y) * w, out[k][y], 0, w);
            }
        }
        return out;
    }
}
