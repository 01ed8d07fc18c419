package dev.tlkit.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.ImageSet;
import dev.tlkit.eval.ClassActivationMap;
import dev.tlkit.eval.Predictions;
import dev.tlkit.models.FeatureExtractor;
import dev.tlkit.models.ImageBackbone;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;

/**
 * Feature extraction: a frozen model runs once over the training inputs (the feature cache) and a linear
 * softmax head is trained on the cached features. Works with any {@link FeatureExtractor}: images, sentences,
 * audio clips.
 *
 * @param <S> what the extractor reads
 */
public final class LinearProbe<S> implements AutoCloseable {
    /** Adam's learning rate for the head: a linear layer on fixed features takes large steps well. */
    public static final double LEARNING_RATE = 1e-2;
    /** Epochs over the cached features, at least {@link #MIN_STEPS} batches of 64 (few labels). */
    public static final int EPOCHS = 30;
    public static final int MIN_STEPS = 300;

    private final FeatureExtractor<S> extractor;
    private final Network head;
    private final TrainingHistory history;

    private LinearProbe(FeatureExtractor<S> extractor, Network head, TrainingHistory history) {
        this.extractor = extractor;
        this.head = head;
        this.history = history;
    }

    /** Fits a probe on {@code train}: caches its features, then trains the head. */
    public static <S> LinearProbe<S> fit(FeatureExtractor<S> extractor, S train, long seed) {
        return fit(extractor, extractor.features(train), seed);
    }

    /** Fits a probe on features already cached from {@code extractor}. */
    public static <S> LinearProbe<S> fit(FeatureExtractor<S> extractor, FeatureSet features, long seed) {
        Network head = Network.of("linear probe on " + extractor.name(),
                Linear.builder().setUnits(features.numClasses()).build(), new Shape(features.dimension()), seed);
        TrainingHistory history = Fit.of(head).learningRate(LEARNING_RATE).epochs(EPOCHS).atLeastSteps(MIN_STEPS)
                .batchSize(64).seed(seed).quietly().on(Examples.of(features));
        return new LinearProbe<>(extractor, head, history);
    }

    /** Runs the extractor over {@code inputs}, then the head. */
    public Predictions predict(S inputs) {
        return predict(extractor.features(inputs));
    }

    public Predictions predict(FeatureSet features) {
        return Predictions.of(head, Examples.of(features));
    }

    /** The head's weights, one row of {@code featureSize} numbers per class. */
    public float[][] weights() {
        Parameter p = parameter(Parameter.Type.WEIGHT);
        float[] flat = p.getArray().toFloatArray();
        int rows = (int) p.getShape().get(0);
        int cols = (int) p.getShape().get(1);
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }

    /** The head's bias, one number per class. */
    public float[] bias() {
        return parameter(Parameter.Type.BIAS).getArray().toFloatArray();
    }

    private Parameter parameter(Parameter.Type type) {
        return head.block().getParameters().values().stream().filter(x -> x.getType() == type).findFirst()
                .orElseThrow();
    }

    /**
     * Where the probe looks when it scores image {@code index} as class {@code classIndex} (the probe must sit
     * on an image backbone).
     */
    public ClassActivationMap classActivationMap(ImageSet images, int index, int classIndex) {
        if (!(extractor instanceof ImageBackbone backbone)) {
            throw new IllegalArgumentException("a class activation map needs a probe on an image backbone, not on "
                    + extractor.name());
        }
        return ClassActivationMap.of(backbone, weights()[classIndex], bias()[classIndex], images, index, classIndex);
    }

    public FeatureExtractor<S> extractor() {
        return extractor;
    }

    public TrainingHistory history() {
        return history;
    }

    @Override
    public void close() {
        head.close();
    }
}
