package dev.tlkit.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (plain or gzip-compressed): unsigned-byte images
 * (magic 2051) and labels (magic 2049).
 */
public final class IdxFiles {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxFiles() {
    }

    /** Images as one array of {@code count * rows * cols} bytes, row-major, with their shape. */
    public record Images(byte[] pixels, int count, int rows, int cols) {
    }

    public static Images readImages(Path file) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new IllegalArgumentException(file + " is not an IDX image file (magic " + magic + ", expected "
                        + IMAGES_MAGIC + ")");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            byte[] pixels = new byte[Math.multiplyExact(Math.multiplyExact(count, rows), cols)];
            try {
                in.readFully(pixels);
            } catch (java.io.EOFException e) {
                throw new IllegalArgumentException(file + " is truncated: its header promises " + count + " images of "
                        + rows + "x" + cols + " pixels but the file ends early", e);
            }
            return new Images(pixels, count, rows, cols);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read IDX images from " + file, e);
        }
    }

    public static int[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new IllegalArgumentException(file + " is not an IDX label file (magic " + magic + ", expected "
                        + LABELS_MAGIC + ")");
            }
            int count = in.readInt();
            byte[] raw = new byte[count];
            try {
                in.readFully(raw);
            } catch (java.io.EOFException e) {
                throw new IllegalArgumentException(file + " is truncated: its header promises " + count
                        + " labels but the file ends early", e);
            }
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read IDX labels from " + file, e);
        }
    }

    /** An image set from a manifest data set's IDX image and label files. */
    static ImageSet loadImageSet(String dataset, String imagesFile, String labelsFile, String name,
                                 java.util.List<String> classNames) {
        return loadImageSet(Manifest.load().get(dataset), imagesFile, labelsFile, name, classNames);
    }

    /**
     * An image set from {@code files}' IDX image and label files. Both files are verified against their
     * SHA-256 before either is read, so a corrupt or truncated file stops the load before anything is used.
     */
    static ImageSet loadImageSet(PackagedFiles files, String imagesFile, String labelsFile, String name,
                                 java.util.List<String> classNames) {
        Path imagesPath = files.file(imagesFile);
        Path labelsPath = files.file(labelsFile);
        Images images = readImages(imagesPath);
        int[] labels = readLabels(labelsPath);
        return ImageSet.of(name, images.pixels(), images.count(), images.rows(), images.cols(), labels, classNames);
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new DataInputStream(in);
    }
}
