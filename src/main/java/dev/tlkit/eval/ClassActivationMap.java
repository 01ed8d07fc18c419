package dev.tlkit.eval;

import dev.tlkit.data.ImageSet;
import dev.tlkit.models.ImageBackbone;
import dev.tlkit.viz.ImageGrid;
import dev.tlkit.viz.Pictures;
import dev.tlkit.viz.Showable;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Where a network looks (Zhou et al. 2016, "Learning Deep Features for Discriminative
 * Localization"): for a network that ends in global average pooling and a linear head, the map
 * {@code CAM_c(x, y) = sum_k w_ck A_k(x, y)} weighs the last feature maps {@code A_k} by class
 * {@code c}'s head weights. Its mean plus the bias is exactly the class's score.
 *
 * @param map     the map on the feature grid (e.g. 7x7)
 * @param score   the head's score (logit) for the class: mean(map) + bias
 */
public record ClassActivationMap(ImageSet images, int index, int classIndex, String className, float[][] map,
                                 double score) implements Showable {

    /**
     * The map of class {@code classIndex} for image {@code index}, from a linear head on {@code backbone}'s
     * pooled features: {@code weights} are the head's weights of that class, {@code bias} its bias.
     */
    public static ClassActivationMap of(ImageBackbone backbone, float[] weights, double bias, ImageSet images,
                                        int index, int classIndex) {
        float[][][] features = backbone.spatialFeatures(images, index);
        if (weights.length != features.length) {
            throw new IllegalArgumentException("the head has " + weights.length + " weights per class but the backbone"
                    + " has " + features.length + " feature maps: use the head trained on this backbone");
        }
        float[] w = weights;
        int h = features[0].length;
        int width = features[0][0].length;
        float[][] map = new float[h][width];
        double sum = 0;
        for (int k = 0; k < features.length; k++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < width; x++) {
                    map[y][x] += w[k] * features[k][y][x];
                }
            }
        }
        for (float[] row : map) {
            for (float v : row) {
                sum += v;
            }
        }
        double score = sum / (h * width) + bias;
        return new ClassActivationMap(images, index, classIndex, images.classNames().get(classIndex), map, score);
    }

    /** The map's positive part, upsampled to the image size and normalised to sum 1. */
    public double[][] attention() {
        int ih = images.height();
        int iw = images.width();
        double[][] out = new double[ih][iw];
        double total = 0;
        for (int y = 0; y < ih; y++) {
            for (int x = 0; x < iw; x++) {
                double v = Math.max(0, map[y * map.length / ih][x * map[0].length / iw]);
                out[y][x] = v;
                total += v;
            }
        }
        if (total > 0) {
            for (double[] row : out) {
                for (int x = 0; x < iw; x++) {
                    row[x] /= total;
                }
            }
        }
        return out;
    }

    /** The share of the map's attention that falls on pixels brighter than {@code threshold} (0..1). */
    public double attentionOn(double threshold) {
        double[][] attention = attention();
        double on = 0;
        for (int y = 0; y < images.height(); y++) {
            for (int x = 0; x < images.width(); x++) {
                if (images.pixel(index, y, x) / 255.0 > threshold) {
                    on += attention[y][x];
                }
            }
        }
        return on;
    }

    /** Several maps side by side, each captioned with its class. */
    public static BufferedImage grid(List<ClassActivationMap> maps, int columns, int scale) {
        return ImageGrid.of(maps.stream().map(m -> m.picture(scale)).toList(),
                maps.stream().map(ClassActivationMap::className).toList(), columns, 1);
    }

    /** The image with the map laid over it in red. */
    public BufferedImage picture(int scale) {
        return Pictures.overlay(images.picture(index), attention(), scale);
    }

    @Override
    public Object view() {
        return picture(8);
    }
}
