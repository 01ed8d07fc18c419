package dev.tlkit.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import dev.tlkit.eval.Predictions;
import dev.tlkit.models.Backbone;

/**
 * Feature extraction: a frozen backbone runs once over the training inputs (the feature cache) and a
 * linear softmax head is trained on the cached features. Works with any {@link Backbone}: images
 * through a {@link dev.tlkit.models.VisionBackbone}, sentences through a {@link dev.tlkit.models.SentenceEncoder}.
 *
 * @param <I> what the backbone reads
 */
public final class LinearProbe<I> implements AutoCloseable {
    private final Backbone<I> backbone;
    private final Network head;
    private final TrainingHistory history;
    private final double featureSeconds;

    private LinearProbe(Backbone<I> backbone, Network head, TrainingHistory history, double featureSeconds) {
        this.backbone = backbone;
        this.head = head;
        this.history = history;
        this.featureSeconds = featureSeconds;
    }

    /** Fits a probe on {@code train}: caches its features, then trains the head (Adam, lr 0.01). */
    public static <I> LinearProbe<I> fit(Backbone<I> backbone, I train, long seed) {
        FeatureSet features = backbone.features(train);
        return fit(backbone, features, seed);
    }

    /** Fits a probe on features already cached from {@code backbone}. */
    public static <I> LinearProbe<I> fit(Backbone<I> backbone, FeatureSet features, long seed) {
        Network head = Network.of("linear probe on " + backbone.name(),
                Linear.builder().setUnits(features.numClasses()).build(), new Shape(features.dimension()), seed);
        TrainingHistory history = Fit.of(head).learningRate(1e-2).epochs(30).atLeastSteps(300).batchSize(64).seed(seed)
                .quietly().on(features);
        return new LinearProbe<>(backbone, head, history, features.secondsToCompute());
    }

    /** Runs the backbone over {@code inputs}, then the head. */
    public Predictions predict(I inputs) {
        return Predictions.of(head, backbone.features(inputs));
    }

    public Predictions predict(FeatureSet features) {
        return Predictions.of(head, features);
    }

    /** The head's weights, one row of {@code featureSize} numbers per class. */
    public float[][] weights() {
        return parameter(ai.djl.nn.Parameter.Type.WEIGHT, true);
    }

    /** The head's bias, one number per class. */
    public float[] bias() {
        return parameter(ai.djl.nn.Parameter.Type.BIAS, false)[0];
    }

    private float[][] parameter(ai.djl.nn.Parameter.Type type, boolean matrix) {
        ai.djl.nn.Parameter p = head.block().getParameters().values().stream().filter(x -> x.getType() == type)
                .findFirst().orElseThrow();
        float[] flat = p.getArray().toFloatArray();
        if (!matrix) {
            return new float[][] {flat};
        }
        int rows = (int) p.getShape().get(0);
        int cols = (int) p.getShape().get(1);
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }

    public Backbone<I> backbone() {
        return backbone;
    }

    public TrainingHistory history() {
        return history;
    }

    /** Seconds spent computing the training features plus training the head. */
    public double seconds() {
        return featureSeconds + history.seconds();
    }

    @Override
    public void close() {
        head.close();
    }
}
