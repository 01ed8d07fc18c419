package dev.tlkit.bench;

import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.ImageSet;
import dev.tlkit.models.VisionBackbone;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import dev.tlkit.train.Fit;
import dev.tlkit.train.TrainingHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Times the kit's own training loop ({@link Fit}) on the kit's CNN: images per second when training
 * every layer, and one epoch of a new head on a frozen backbone (the backbone runs every epoch) vs on
 * features cached once (what {@code LinearProbe} does).
 */
public final class CnnTraining {
    /** The CNN width of the shipped backbones (93k parameters). */
    public static final int WIDTH = VisionBackbone.KIT_WIDTH;

    private CnnTraining() {
    }

    /** Intra-op threads PyTorch uses in this JVM. */
    public static int threads() {
        ai.djl.engine.Engine.getEngine(Network.TRAINING_ENGINE);
        return JniUtils.getNumThreads();
    }

    /** {@code count} images of random pixels in {@code classes} classes: timing does not depend on content. */
    public static ImageSet randomImages(int count, int classes, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * 28 * 28];
        random.nextBytes(pixels);
        int[] labels = IntStream.range(0, count).map(i -> random.nextInt(classes)).toArray();
        List<String> names = IntStream.range(0, classes).mapToObj(c -> "class " + c).toList();
        return ImageSet.of("random images", pixels, count, 28, 28, labels, names);
    }

    /** Images per second training the whole CNN plus head, one sample per epoch after a warm-up epoch. */
    public static Measurement trainingThroughput(ImageSet images, int batch, int epochs, long seed) {
        try (VisionBackbone backbone = VisionBackbone.randomInit(WIDTH, seed);
             Network network = backbone.withNewHead(images.numClasses(), seed)) {
            TrainingHistory history = Fit.of(network).learningRate(1e-3).batchSize(batch).epochs(epochs + 1).seed(seed)
                    .quietly().on(Examples.of(images));
            return new Measurement("DJL training, batch " + batch, "img/s",
                    afterWarmUp(history).stream().map(seconds -> images.size() / seconds).toList());
        }
    }

    /** Seconds per epoch of a new head trained on the frozen backbone, which runs on every batch. */
    public static Measurement frozenBackboneEpoch(VisionBackbone frozen, ImageSet images, int epochs, long seed) {
        try (Network network = frozen.freeze().withNewHead(images.numClasses(), seed)) {
            TrainingHistory history = Fit.of(network).learningRate(1e-2).batchSize(64).epochs(epochs + 1).seed(seed)
                    .quietly().on(Examples.of(images));
            return new Measurement("head epoch, frozen backbone", "s", afterWarmUp(history));
        }
    }

    /** Seconds per epoch of the same head on features computed once (the one-off extraction is not included). */
    public static Measurement cachedFeatureEpoch(FeatureSet features, int epochs, long seed) {
        try (Network head = Network.of("head", Linear.builder().setUnits(features.numClasses()).build(),
                new Shape(features.dimension()), seed)) {
            TrainingHistory history = Fit.of(head).learningRate(1e-2).batchSize(64).epochs(epochs + 1).seed(seed)
                    .quietly().on(Examples.of(features));
            return new Measurement("head epoch, cached features", "s", afterWarmUp(history));
        }
    }

    /** Seconds of every epoch after the first (the warm-up). */
    static List<Double> afterWarmUp(TrainingHistory history) {
        List<Double> seconds = new ArrayList<>();
        history.epochs().stream().skip(1).forEach(e -> seconds.add(e.seconds()));
        return seconds;
    }
}
