package dev.tlkit.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import dev.tlkit.viz.ImageGrid;
import dev.tlkit.viz.Showable;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A labelled set of grey-scale images, kept as compact unsigned bytes (Fashion-MNIST's 60,000
 * training images take 47 MB). Converts to DJL datasets and arrays, and summarises as Tablesaw
 * tables. Immutable: selections return new sets.
 */
public final class ImageSet implements LabelledSet<ImageSet>, Showable {
    private final String name;
    private final byte[] pixels;
    private final int count;
    private final int height;
    private final int width;
    private final int[] labels;
    private final List<String> classNames;

    private ImageSet(String name, byte[] pixels, int count, int height, int width, int[] labels,
                     List<String> classNames) {
        this.name = name;
        this.pixels = pixels;
        this.count = count;
        this.height = height;
        this.width = width;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
    }

    /**
     * A set of {@code count} images of {@code height x width} pixels (one byte each, row-major), with
     * a label in {@code [0, classNames.size())} per image.
     *
     * @throws IllegalArgumentException if the sizes disagree or a label is out of range
     */
    public static ImageSet of(String name, byte[] pixels, int count, int height, int width, int[] labels,
                              List<String> classNames) {
        if (height <= 0 || width <= 0 || count < 0) {
            throw new IllegalArgumentException(name + ": image shape must be positive, got " + count + " x " + height
                    + " x " + width);
        }
        if (pixels.length != (long) count * height * width) {
            throw new IllegalArgumentException(name + ": expected " + count + " images of " + height + "x" + width
                    + " = " + ((long) count * height * width) + " bytes, got " + pixels.length
                    + " (one grey-scale channel per image is expected)");
        }
        if (labels.length != count) {
            throw new IllegalArgumentException(name + ": " + count + " images but " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of image " + i
                        + " is out of range: there are " + classNames.size() + " classes " + classNames);
            }
        }
        return new ImageSet(name, pixels, count, height, width, labels, classNames);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return count;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Pixel {@code (row, col)} of image {@code index}, 0..255. */
    public int pixel(int index, int row, int col) {
        return pixels[(index * height + row) * width + col] & 0xff;
    }

    /** The share of image {@code index}'s pixels brighter than {@code threshold} (0..1): how much of it the object covers. */
    public double brightShare(int index, double threshold) {
        int n = height * width;
        int bright = 0;
        for (int p = index * n; p < (index + 1) * n; p++) {
            if ((pixels[p] & 0xff) / 255.0 > threshold) {
                bright++;
            }
        }
        return bright / (double) n;
    }

    /** Image {@code index} as floats in [0, 1], row-major. */
    public float[] imageAsFloats(int index) {
        int n = height * width;
        float[] out = new float[n];
        int offset = index * n;
        for (int i = 0; i < n; i++) {
            out[i] = (pixels[offset + i] & 0xff) / 255f;
        }
        return out;
    }

    /** Image {@code index} as a grey-scale picture (renders inline in a notebook). */
    public BufferedImage picture(int index) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, width, height,
                Arrays.copyOfRange(pixels, index * height * width, (index + 1) * height * width));
        return image;
    }

    /** The first {@code perClass} images of every class, one class per row, each scaled up {@code scale} times. */
    public BufferedImage examplesPerClass(int perClass, int scale) {
        List<BufferedImage> pictures = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        int[] taken = new int[numClasses()];
        int[][] chosen = new int[numClasses()][perClass];
        for (int i = 0; i < count; i++) {
            if (taken[labels[i]] < perClass) {
                chosen[labels[i]][taken[labels[i]]++] = i;
            }
        }
        for (int c = 0; c < numClasses(); c++) {
            for (int k = 0; k < taken[c]; k++) {
                pictures.add(picture(chosen[c][k]));
                captions.add(classNames.get(c));
            }
        }
        return ImageGrid.of(pictures, captions, perClass, scale);
    }

    @Override
    public ImageSet select(int[] indices, String newName) {
        int n = height * width;
        byte[] out = new byte[indices.length * n];
        int[] outLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * n, out, i * n, n);
            outLabels[i] = labels[indices[i]];
        }
        return new ImageSet(newName, out, indices.length, height, width, outLabels, classNames);
    }

    /**
     * This set followed by {@code other} (same image size); {@code other}'s classes come after this
     * set's, so the result has {@code numClasses() + other.numClasses()} classes.
     */
    public ImageSet concat(ImageSet other, String newName) {
        if (other.height != height || other.width != width) {
            throw new IllegalArgumentException("cannot join " + height + "x" + width + " images with " + other.height
                    + "x" + other.width + " images");
        }
        byte[] joined = Arrays.copyOf(pixels, pixels.length + other.pixels.length);
        System.arraycopy(other.pixels, 0, joined, pixels.length, other.pixels.length);
        int[] joinedLabels = Arrays.copyOf(labels, count + other.count);
        for (int i = 0; i < other.count; i++) {
            joinedLabels[count + i] = other.labels[i] + classNames.size();
        }
        List<String> names = new ArrayList<>(classNames);
        other.classNames.forEach(n -> names.add(other.name + ": " + n));
        return new ImageSet(newName, joined, count + other.count, height, width, joinedLabels, names);
    }

    /** This set followed by {@code other}, which has the same classes (e.g. synthetic and real digits). */
    public ImageSet plus(ImageSet other, String newName) {
        if (!other.classNames.equals(classNames)) {
            throw new IllegalArgumentException("cannot add " + other.name + " (classes " + other.classNames + ") to "
                    + name + " (classes " + classNames + "): use concat to keep both sets' classes apart");
        }
        ImageSet joined = concat(other, newName);
        int[] sameLabels = joined.labels.clone();
        for (int i = count; i < sameLabels.length; i++) {
            sameLabels[i] -= classNames.size();
        }
        return joined.withLabels(sameLabels, classNames, newName);
    }

    /**
     * The images of both sets labelled by the set they come from (class names: the sets' names), e.g. to see
     * how far synthetic images lie from real ones in a model's features.
     */
    public static ImageSet byDomain(ImageSet first, ImageSet second) {
        int[] domains = new int[first.count + second.count];
        Arrays.fill(domains, first.count, domains.length, 1);
        return first.concat(second, first.name + " and " + second.name)
                .withLabels(domains, List.of(first.name, second.name), first.name + " vs " + second.name);
    }

    /**
     * Every image in four orientations (0, 90, 180 and 270 degrees), each orientation of each class a
     * class of its own ({@code label * 4 + quarterTurns}): a harder pre-training task whose features
     * must describe shape, not only what tells the original classes apart (square images only).
     */
    public ImageSet withRotationClasses(String newName) {
        if (height != width) {
            throw new IllegalArgumentException("rotation classes need square images, got " + height + "x" + width);
        }
        int n = height * width;
        byte[] out = new byte[4 * pixels.length];
        int[] outLabels = new int[4 * count];
        for (int i = 0; i < count; i++) {
            for (int r = 0; r < 4; r++) {
                int dest = (4 * i + r) * n;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int sy = y;
                        int sx = x;
                        for (int t = 0; t < r; t++) { // one quarter turn clockwise: (y, x) <- (w-1-x, y)
                            int ny = width - 1 - sx;
                            sx = sy;
                            sy = ny;
                        }
                        out[dest + y * width + x] = pixels[i * n + sy * width + sx];
                    }
                }
                outLabels[4 * i + r] = labels[i] * 4 + r;
            }
        }
        List<String> names = new ArrayList<>();
        for (String c : classNames) {
            for (int r = 0; r < 4; r++) {
                names.add(c + " @" + (90 * r));
            }
        }
        return new ImageSet(newName, out, 4 * count, height, width, outLabels, names);
    }

    /**
     * A copy in which the images at {@code indices} are intensity-inverted (every pixel p becomes
     * 255 - p: a dark garment on a light background); labels stay the same.
     */
    public ImageSet invert(int[] indices, String newName) {
        byte[] out = pixels.clone();
        int n = height * width;
        for (int index : indices) {
            if (index < 0 || index >= count) {
                throw new IllegalArgumentException("cannot invert image " + index + ": " + name + " has " + count + " images");
            }
            for (int i = index * n; i < (index + 1) * n; i++) {
                out[i] = (byte) (255 - (out[i] & 0xff));
            }
        }
        return new ImageSet(newName, out, count, height, width, labels, classNames);
    }

    /** The same images with other labels (for example shuffled ones), checked like {@link #of}. */
    public ImageSet withLabels(int[] newLabels, List<String> newClassNames, String newName) {
        return of(newName, pixels, count, height, width, newLabels.clone(), newClassNames);
    }

    /**
     * Only the images of the given classes, relabelled 0, 1, ... in the order given: how a source or
     * target task is cut out of a larger data set.
     */
    public ImageSet onlyClasses(String newName, int... classes) {
        int[] newLabel = new int[classNames.size()];
        Arrays.fill(newLabel, -1);
        String[] names = new String[classes.length];
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0 || classes[i] >= classNames.size()) {
                throw new IllegalArgumentException("class " + classes[i] + " does not exist in " + name);
            }
            newLabel[classes[i]] = i;
            names[i] = classNames.get(classes[i]);
        }
        int kept = 0;
        for (int label : labels) {
            if (newLabel[label] >= 0) {
                kept++;
            }
        }
        int n = height * width;
        byte[] out = new byte[kept * n];
        int[] outLabels = new int[kept];
        int j = 0;
        for (int i = 0; i < count; i++) {
            if (newLabel[labels[i]] >= 0) {
                System.arraycopy(pixels, i * n, out, j * n, n);
                outLabels[j++] = newLabel[labels[i]];
            }
        }
        return new ImageSet(newName, out, kept, height, width, outLabels, List.of(names));
    }

    /** One row per class: label, name, count and share of the set. */
    public Table classTable() {
        int[] counts = classCounts();
        Table table = Table.create(name + ": classes", IntColumn.create("label"), StringColumn.create("class"),
                IntColumn.create("images"), DoubleColumn.create("share %"));
        for (int c = 0; c < counts.length; c++) {
            table.intColumn("label").append(c);
            table.stringColumn("class").append(classNames.get(c));
            table.intColumn("images").append(counts[c]);
            table.doubleColumn("share %").append(count == 0 ? 0 : Math.round(1000.0 * counts[c] / count) / 10.0);
        }
        return table;
    }

    /**
     * One row per image: its label, class name, mean brightness and ink share (pixels above half
     * intensity), ready for Tablesaw's {@code summarize(...).by(...)}.
     */
    public Table imageTable() {
        int n = height * width;
        IntColumn label = IntColumn.create("label");
        StringColumn className = StringColumn.create("class");
        DoubleColumn mean = DoubleColumn.create("mean brightness");
        DoubleColumn ink = DoubleColumn.create("ink share");
        for (int i = 0; i < count; i++) {
            long sum = 0;
            int inked = 0;
            for (int p = i * n; p < (i + 1) * n; p++) {
                int v = pixels[p] & 0xff;
                sum += v;
                if (v > 127) {
                    inked++;
                }
            }
            label.append(labels[i]);
            className.append(classNames.get(labels[i]));
            mean.append(sum / (255.0 * n));
            ink.append(inked / (double) n);
        }
        return Table.create(name + ": images", label, className, mean, ink);
    }

    /** Pixel statistics over the whole set: count, mean, standard deviation, min, max (on a 0..1 scale). */
    public Table pixelStatistics() {
        long sum = 0;
        double sumSquares = 0;
        int min = 255;
        int max = 0;
        for (byte b : pixels) {
            int v = b & 0xff;
            sum += v;
            sumSquares += (double) v * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double total = pixels.length;
        double mean = sum / total;
        double std = Math.sqrt(Math.max(0, sumSquares / total - mean * mean));
        return Table.create(name + ": pixels",
                StringColumn.create("statistic", "images", "pixels per image", "mean", "standard deviation", "min", "max"),
                DoubleColumn.create("value", count, height * width, mean / 255, std / 255, min / 255.0, max / 255.0));
    }

    /** The images as a float array of shape (n, 1, height, width), scaled to [0, 1]. */
    public NDArray toArray(NDManager manager) {
        return toArray(manager, pixels, count);
    }

    /** The images at {@code indices} as a float array of shape (indices, 1, height, width), scaled to [0, 1]. */
    public NDArray toArray(NDManager manager, int[] indices) {
        int n = height * width;
        byte[] picked = new byte[indices.length * n];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * n, picked, i * n, n);
        }
        return toArray(manager, picked, indices.length);
    }

    /** Bytes to floats on the engine (a Java loop over the bytes cost about 1 ms per batch of 64). */
    private NDArray toArray(NDManager manager, byte[] bytes, int images) {
        return manager.create(ByteBuffer.wrap(bytes), new Shape(images, 1, height, width), DataType.UINT8)
                .toType(DataType.FLOAT32, false).divi(255f);
    }

    /** The labels as an int64 array of shape (n). */
    public NDArray labelsArray(NDManager manager) {
        return manager.create(Arrays.stream(labels).asLongStream().toArray());
    }

    /** A DJL dataset of (image, label) pairs for training or evaluation with DJL's {@code Trainer}. */
    public ArrayDataset toDataset(NDManager manager, int batchSize, boolean shuffle) {
        return new ArrayDataset.Builder()
                .setData(toArray(manager))
                .optLabels(labelsArray(manager))
                .setSampling(batchSize, shuffle)
                .build();
    }

    @Override
    public Object view() {
        return classTable();
    }

    @Override
    public String toString() {
        return name + ": " + count + " images of " + height + "x" + width + ", " + classNames.size() + " classes";
    }
}
