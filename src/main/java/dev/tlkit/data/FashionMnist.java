package dev.tlkit.data;

import java.util.List;

/**
 * Fashion-MNIST (Xiao et al. 2017, MIT license): 28x28 images of clothing in 10 classes, from
 * Debian's {@code dataset-fashion-mnist} package, checksum-verified on load.
 */
public final class FashionMnist {
    public static final String DATASET = "fashion-mnist";
    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /** The 60,000 training images. */
    public static ImageSet train() {
        return load("train", "Fashion-MNIST train");
    }

    /** The 10,000 test images. */
    public static ImageSet test() {
        return load("t10k", "Fashion-MNIST test");
    }

    private static ImageSet load(String prefix, String name) {
        return IdxFiles.loadImageSet(DATASET, prefix + "-images-idx3-ubyte.gz", prefix + "-labels-idx1-ubyte.gz", name,
                CLASS_NAMES);
    }
}
