package dev.tlkit.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic image domain the kit generates: sinusoidal gratings (stripes) of 28x28 pixels whose
 * class is their orientation (8 classes, 0 to 157.5 degrees); spatial frequency, phase and
 * contrast vary at random. A source task with no garments, edges of objects or backgrounds in it:
 * the kit's "dissimilar source" for negative transfer. Deterministic: the same seed gives the
 * same images.
 */
public final class SyntheticGratings {
    public static final int SIZE = 28;
    public static final int ORIENTATIONS = 8;

    private SyntheticGratings() {
    }

    /** The orientation classes' names, "0°" to "157.5°". */
    public static List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < ORIENTATIONS; c++) {
            double degrees = 180.0 * c / ORIENTATIONS;
            names.add((degrees == Math.floor(degrees) ? String.valueOf((int) degrees) : String.valueOf(degrees)) + "°");
        }
        return names;
    }

    /** {@code count} gratings, classes in turn (balanced), drawn with {@code seed}. */
    public static ImageSet generate(int count, long seed, String name) {
        if (count <= 0) {
            throw new IllegalArgumentException("the number of gratings must be positive, got " + count);
        }
        Random random = new Random(seed);
        byte[] pixels = new byte[count * SIZE * SIZE];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = i % ORIENTATIONS;
            labels[i] = label;
            double theta = Math.PI * label / ORIENTATIONS + (random.nextDouble() - 0.5) * Math.PI / ORIENTATIONS / 3;
            double cycles = 2 + 4 * random.nextDouble();
            double phase = 2 * Math.PI * random.nextDouble();
            double contrast = 0.4 + 0.6 * random.nextDouble();
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    double along = (x - SIZE / 2.0) * cos + (y - SIZE / 2.0) * sin;
                    double v = 127.5 + 127.5 * contrast * Math.sin(2 * Math.PI * cycles * along / SIZE + phase);
                    pixels[(i * SIZE + y) * SIZE + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
                }
            }
        }
        return ImageSet.of(name, pixels, count, SIZE, SIZE, labels, classNames());
    }
}
