package dev.tlkit.viz;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Pictures of what is inside a network: filters, feature maps, heat maps laid over images. */
public final class Pictures {
    private Pictures() {
    }

    /** A 2-D array as a grey picture, scaled so its minimum is black and its maximum white. */
    public static BufferedImage grey(float[][] values, int scale) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float[] row : values) {
            for (float v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        float range = max > min ? max - min : 1;
        int h = values.length;
        int w = values[0].length;
        BufferedImage image = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                int g = Math.round(255 * (values[y / scale][x / scale] - min) / range);
                image.setRGB(x, y, new Color(g, g, g).getRGB());
            }
        }
        return image;
    }

    /** Three 2-D arrays (red, green, blue; any scale) as one colour picture, scaled together to 0..255. */
    public static BufferedImage rgb(float[][][] channels, int scale) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float[][] channel : channels) {
            for (float[] row : channel) {
                for (float v : row) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        float range = max > min ? max - min : 1;
        int h = channels[0].length;
        int w = channels[0][0].length;
        BufferedImage image = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                int[] c = new int[3];
                for (int k = 0; k < 3; k++) {
                    c[k] = Math.round(255 * (channels[k][y / scale][x / scale] - min) / range);
                }
                image.setRGB(x, y, new Color(c[0], c[1], c[2]).getRGB());
            }
        }
        return image;
    }

    /** Many 2-D arrays (filters, feature maps) side by side, {@code columns} per row, each captioned by its index. */
    public static BufferedImage grid(float[][][] maps, int count, int columns, int scale) {
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < Math.min(count, maps.length); i++) {
            images.add(grey(maps[i], scale));
            captions.add("#" + i);
        }
        return ImageGrid.of(images, captions, columns, 1);
    }

    /** A grey image with {@code weights} (same size, any scale) laid over it in red. */
    public static BufferedImage overlay(BufferedImage image, double[][] weights, int scale) {
        double max = 0;
        for (double[] row : weights) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        int h = image.getHeight();
        int w = image.getWidth();
        BufferedImage out = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                int grey = image.getRaster().getSample(x / scale, y / scale, 0);
                double heat = max > 0 ? weights[y / scale][x / scale] / max : 0;
                int r = (int) Math.min(255, grey * 0.6 + 255 * heat * 0.8);
                int g = (int) (grey * 0.6 * (1 - heat * 0.5));
                int b = (int) (grey * 0.6 * (1 - heat * 0.5));
                out.setRGB(x, y, new Color(r, g, b).getRGB());
            }
        }
        return out;
    }
}
