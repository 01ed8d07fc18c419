package dev.tlkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Bilinear resizing as two matrix products, {@code R · image · Rᵀ}, with the interpolation weights of half-pixel
 * centres (TensorFlow's {@code resizeBilinear} with {@code halfPixelCenters}, PyTorch's {@code align_corners=False}):
 * exact, the same on every engine, and differentiable.
 */
public final class Resize {
    private Resize() {
    }

    /** The (to x from) matrix that resizes a line of {@code from} pixels to {@code to}. */
    public static float[] weights(int from, int to) {
        float[] r = new float[to * from];
        double scale = (double) from / to;
        for (int i = 0; i < to; i++) {
            double source = Math.max(0, (i + 0.5) * scale - 0.5);
            int low = Math.min((int) Math.floor(source), from - 1);
            int high = Math.min(low + 1, from - 1);
            double frac = source - low;
            r[i * from + low] += (float) (1 - frac);
            r[i * from + high] += (float) frac;
        }
        return r;
    }

    /** {@code images} of shape (n, c, h, w) resized to (n, c, size, size). */
    public static NDArray bilinear(NDArray images, int size) {
        Shape s = images.getShape();
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        NDManager manager = images.getManager();
        NDArray rows = manager.create(weights(h, size), new Shape(size, h));
        NDArray columns = manager.create(weights(w, size), new Shape(size, w)).transpose();
        return rows.matMul(images).matMul(columns);
    }
}
