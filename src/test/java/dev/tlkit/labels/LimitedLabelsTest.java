package dev.tlkit.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.eval.Predictions;
import dev.tlkit.models.VisionBackbone;
import dev.tlkit.data.FeatureSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pseudo-labels, self-training and active learning on small, hand-checkable cases. */
class LimitedLabelsTest {
    private static final List<String> CLASSES = List.of("a", "b");

    private static Predictions predictions() {
        return new Predictions(new int[] {0, 1, 1, 0},
                new float[][] {{0.95f, 0.05f}, {0.6f, 0.4f}, {0.1f, 0.9f}, {0.2f, 0.8f}}, CLASSES);
    }

    @Test
    void onlyConfidentPredictionsBecomePseudoLabels() {
        PseudoLabels p = PseudoLabels.confident(predictions(), 0.8);
        assertArrayEquals(new int[] {0, 2, 3}, p.indices());
        assertArrayEquals(new int[] {0, 1, 1}, p.labels());
        assertEquals(2.0 / 3.0, p.accuracy(), 1e-9); // example 3 is really class 0
        assertEquals(0, PseudoLabels.confident(predictions(), 0.99).size());
        assertTrue(Double.isNaN(PseudoLabels.confident(predictions(), 0.99).accuracy()));
        assertThrows(IllegalArgumentException.class, () -> PseudoLabels.confident(predictions(), 0));
    }

    @Test
    void pseudoLabelledExamplesAreAppendedWithTheirPseudoLabels() {
        FeatureSet labelled = new FeatureSet("labelled", new float[][] {{1, 1}}, new int[] {1}, CLASSES);
        FeatureSet pool = new FeatureSet("pool", new float[][] {{0, 0}, {1, 0}, {2, 0}, {3, 0}}, new int[] {0, 1, 1, 0}, CLASSES);
        FeatureSet joined = PseudoLabels.confident(predictions(), 0.8).appendTo(labelled, pool);
        assertEquals(4, joined.size());
        assertArrayEquals(new float[] {3, 0}, joined.vector(3));
        assertEquals(1, joined.label(3)); // the pseudo-label, not the true 0
        assertEquals(1, joined.label(0));
    }

    @Test
    void uncertaintySamplingPicksTheSmallestMarginsFirst() {
        // margins: 0.9, 0.2, 0.8, 0.6 -> unlabelled order 1, 3, 2 (0 is labelled)
        assertEquals(List.of(1, 3), ActiveLearning.leastMargin(predictions(), Set.of(0), 2));
    }

    private static FeatureSet blobs(int n, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[i] = new float[] {(float) (y[i] * 4 + random.nextGaussian()), (float) (0.2 * random.nextGaussian())};
        }
        return new FeatureSet("blobs", x, y, CLASSES);
    }

    @Test
    void activeLearningAndSelfTrainingRunOnFeatures() {
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 1)) {
            FeatureSet pool = blobs(200, 1);
            FeatureSet test = blobs(200, 2);
            List<ActiveLearning.Round> rounds = ActiveLearning.run(backbone, pool, new int[] {0, 1},
                    ActiveLearning.Strategy.UNCERTAINTY, 4, 2, test, 1);
            assertEquals(List.of(2, 6, 10), rounds.stream().map(ActiveLearning.Round::labels).toList());
            assertTrue(rounds.get(2).accuracy() > 0.85, rounds.toString());
            assertEquals(rounds.stream().map(ActiveLearning.Round::accuracy).toList(),
                    ActiveLearning.run(backbone, pool, new int[] {0, 1}, ActiveLearning.Strategy.UNCERTAINTY, 4, 2, test, 1)
                            .stream().map(ActiveLearning.Round::accuracy).toList());
            assertThrows(IllegalArgumentException.class, () -> ActiveLearning.run(backbone, pool, new int[] {0},
                    ActiveLearning.Strategy.RANDOM, 100, 3, test, 1));

            SelfTraining.Result<dev.tlkit.data.ImageSet> result = SelfTraining.run(backbone,
                    pool.select(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), pool, 0.9, 2, 1);
            try (var probe = result.probe()) {
                assertEquals(2, result.rounds().size());
                assertTrue(result.rounds().get(0).pseudoLabelled() > 0);
                // the classes overlap little (means 4 apart, sd 1): the pseudo-labels are right; with 10 labels the
                // probe also leans on the noise feature, so its test accuracy is only asked to be well above chance
                assertTrue(result.rounds().get(0).pseudoLabelAccuracy() > 0.9, result.rounds().toString());
                double accuracy = probe.predict(test).accuracy();
                assertTrue(accuracy > 0.75, "self-trained probe test accuracy " + accuracy + ", rounds " + result.rounds());
                assertEquals(2, result.table().rowCount());
            }
        }
    }
}
