package dev.tlkit.data;

import java.util.Random;

/**
 * Random changes to an image that keep its label: shifts by a few pixels, mirror images (where the
 * class does not depend on left and right, as for clothes), and Gaussian noise. Applied while
 * batches are filled, so every epoch sees new variants.
 *
 * @param maxShift    shift by up to this many pixels in each direction (0: none)
 * @param mirror      mirror left-right with probability 1/2
 * @param noiseStdDev standard deviation of added Gaussian noise, on the [0, 1] scale (0: none)
 */
public record ImageAugmentation(int maxShift, boolean mirror, double noiseStdDev) {

    public ImageAugmentation {
        if (maxShift < 0 || noiseStdDev < 0) {
            throw new IllegalArgumentException("shift and noise must not be negative");
        }
    }

    public static ImageAugmentation none() {
        return new ImageAugmentation(0, false, 0);
    }

    public static ImageAugmentation shifts(int maxShift) {
        return new ImageAugmentation(maxShift, false, 0);
    }

    public ImageAugmentation withMirror() {
        return new ImageAugmentation(maxShift, true, noiseStdDev);
    }

    public ImageAugmentation withNoise(double stdDev) {
        return new ImageAugmentation(maxShift, mirror, stdDev);
    }

    /** In words, e.g. "random shifts up to 2 px, left-right mirror" ("none" without any change). */
    public String describe() {
        if (isNone()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        if (maxShift > 0) {
            text.append("random shifts up to ").append(maxShift).append(" px");
        }
        if (mirror) {
            text.append(text.length() > 0 ? ", " : "").append("left-right mirror");
        }
        if (noiseStdDev > 0) {
            text.append(text.length() > 0 ? ", " : "").append("noise sd ").append(noiseStdDev);
        }
        return text.toString();
    }

    public boolean isNone() {
        return maxShift == 0 && !mirror && noiseStdDev == 0;
    }

    /**
     * {@code copies} augmented variants of every image of {@code set} (image 0's variants first), drawn
     * with {@code seed}: a fixed augmented set, for example to feed a frozen backbone whose features are
     * computed once.
     */
    public ImageSet copies(ImageSet set, int copies, long seed) {
        if (copies < 1) {
            throw new IllegalArgumentException("need at least one copy per image, got " + copies);
        }
        int n = set.height() * set.width();
        int total = set.size() * copies;
        byte[] pixels = new byte[total * n];
        int[] labels = new int[total];
        float[] buffer = new float[n];
        Random random = new Random(seed);
        for (int i = 0; i < set.size(); i++) {
            for (int c = 0; c < copies; c++) {
                int j = i * copies + c;
                apply(set, i, buffer, 0, random);
                for (int p = 0; p < n; p++) {
                    pixels[j * n + p] = (byte) Math.round(buffer[p] * 255f);
                }
                labels[j] = set.label(i);
            }
        }
        return ImageSet.of(set.name() + " (" + copies + " augmented copies each)", pixels, total, set.height(),
                set.width(), labels, set.classNames());
    }

    /** Writes image {@code index} of {@code set}, augmented, as floats in [0, 1] into {@code dest}. */
    public void apply(ImageSet set, int index, float[] dest, int offset, Random random) {
        int h = set.height();
        int w = set.width();
        if (isNone()) {
            float[] image = set.imageAsFloats(index);
            System.arraycopy(image, 0, dest, offset, image.length);
            return;
        }
        int dy = maxShift == 0 ? 0 : random.nextInt(2 * maxShift + 1) - maxShift;
        int dx = maxShift == 0 ? 0 : random.nextInt(2 * maxShift + 1) - maxShift;
        boolean flip = mirror && random.nextBoolean();
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int sr = r - dy;
                int sc = (flip ? w - 1 - c : c) - dx;
                float v = sr < 0 || sr >= h || sc < 0 || sc >= w ? 0f : set.pixel(index, sr, sc) / 255f;
                if (noiseStdDev > 0) {
                    v = (float) Math.min(1, Math.max(0, v + random.nextGaussian() * noiseStdDev));
                }
                dest[offset + r * w + c] = v;
            }
        }
    }
}
