package dev.tlkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import dev.tlkit.data.FashionMnist;
import dev.tlkit.data.ImageSet;
import dev.tlkit.data.Tasks;
import dev.tlkit.eval.Predictions;
import dev.tlkit.models.VisionBackbone;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same seed gives bit-identical results on the CPU: features, a linear probe and fine-tuning of the
 * shipped backbone (pre-training is covered by {@code PretrainTest}). A different seed must give different
 * results, so these tests could fail.
 */
class ReproducibilityTest {
    private static final ImageSet TARGET = Tasks.fashionClothesToRest().train();
    private static final ImageSet TRAIN = TARGET.samplePerClass(20, 1);
    private static final ImageSet TEST = Tasks.fashionClothesToRestFullTest().test().head(200);

    @Test
    void featuresAreBitIdenticalAcrossLoads() {
        try (VisionBackbone a = VisionBackbone.load("fashion-source-cnn");
             VisionBackbone b = VisionBackbone.load("fashion-source-cnn")) {
            FeatureSet first = a.features(TEST);
            FeatureSet second = b.features(TEST);
            for (int i = 0; i < TEST.size(); i++) {
                assertArrayEquals(first.vector(i), second.vector(i), "feature vector " + i);
            }
        }
    }

    @Test
    void aLinearProbeIsBitIdenticalForTheSameSeed() {
        try (VisionBackbone backbone = VisionBackbone.load("fashion-source-cnn").freeze()) {
            FeatureSet features = backbone.features(TRAIN);
            Run first = probe(backbone, features, 7);
            assertEquals(first, probe(backbone, features, 7));
            assertFalse(first.equals(probe(backbone, features, 8)), "another seed must give another probe");
        }
    }

    @Test
    void fineTuningIsBitIdenticalForTheSameSeed() {
        Run first = fineTune(5);
        assertEquals(first, fineTune(5));
        assertFalse(first.equals(fineTune(6)), "another seed must give other parameters");
    }

    /** What a run produced: its parameters, every epoch's loss and the test accuracy. */
    private record Run(byte[] parameters, List<Double> losses, double accuracy) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Run r && Arrays.equals(parameters, r.parameters) && losses.equals(r.losses)
                    && Double.compare(accuracy, r.accuracy) == 0;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(parameters);
        }
    }

    private static Run probe(VisionBackbone backbone, FeatureSet features, long seed) {
        try (LinearProbe<ImageSet> probe = LinearProbe.fit(backbone, features, seed)) {
            float[] weights = new float[0];
            for (float[] row : probe.weights()) {
                weights = concat(weights, row);
            }
            byte[] bytes = new byte[weights.length * 4];
            java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().put(weights);
            return new Run(bytes, losses(probe.history()), probe.predict(TEST).accuracy());
        }
    }

    private static Run fineTune(long seed) {
        try (VisionBackbone backbone = VisionBackbone.load("fashion-source-cnn").unfreezeTop(1);
             Network net = backbone.withNewHead(5, seed)) {
            TrainingHistory history = Fit.of(net).learningRate(1e-3).epochs(3).batchSize(32).seed(seed).quietly()
                    .on(Examples.of(TRAIN));
            return new Run(net.parameterBytes(), losses(history), Predictions.of(net, Examples.of(TEST)).accuracy());
        }
    }

    private static List<Double> losses(TrainingHistory history) {
        return history.epochs().stream().map(TrainingHistory.Epoch::trainLoss).toList();
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
