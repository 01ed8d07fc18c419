package dev.tlkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import dev.tlkit.data.FashionMnist;
import dev.tlkit.data.ImageSet;
import dev.tlkit.eval.Embedding2d;
import dev.tlkit.models.VisionBackbone;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The learning-rate finder, gradual unfreezing, PCA embeddings and learning curves. */
class TrainingToolsTest {

    private static FeatureSet clusters(int n, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][8];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int d = 0; d < 8; d++) {
                x[i][d] = (float) (random.nextGaussian() * 0.3 + (y[i] == 1 && d < 4 ? 3 : 0));
            }
        }
        return new FeatureSet("features", x, y, List.of("a", "b"));
    }

    @Test
    void theLearningRateFinderSuggestsAUsefulRateAndRestoresTheNetwork() {
        FeatureSet data = clusters(640, 1);
        try (Network head = Network.of("head", Linear.builder().setUnits(2).build(), new Shape(8), 1)) {
            byte[] before = head.parameterBytes();
            LearningRateFinder finder = LearningRateFinder.run(head, Examples.of(data), 1);
            assertArrayEquals(before, head.parameterBytes(), "the finder must leave the network as it was");
            assertTrue(finder.suggested() > 1e-5 && finder.suggested() < 0.2, "suggested " + finder.suggested());
            assertTrue(finder.rates().length <= LearningRateFinder.STEPS);
            assertTrue(finder.rates()[finder.rates().length - 1] > finder.rates()[0]);
            assertEquals(2, finder.chart().getSeriesCollection().size());
        }
    }

    @Test
    void gradualUnfreezingEndsWithEverythingTrainable() {
        ImageSet train = FashionMnist.train().head(200);
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 2); Network net = backbone.withNewHead(10, 2)) {
            GradualUnfreezing result = GradualUnfreezing.fit(backbone, net, Examples.of(train), 1, 1e-3, 2);
            assertEquals(4, result.phases().size());
            assertEquals("head only", result.phases().get(0).name());
            assertTrue(result.eachPhaseTrainsMore(), result.table().print());
            assertEquals(backbone.totalParameters(), backbone.trainableParameters());
        }
    }

    @Test
    void pcaSeparatesTwoClustersOnItsFirstComponent() {
        Embedding2d embedding = Embedding2d.pca("clusters", clusters(200, 3));
        assertTrue(embedding.explained() > 0.8, "explained " + embedding.explained());
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < 200; i++) {
            if (embedding.labels()[i] == 0) {
                meanA += embedding.points()[i][0] / 100;
            } else {
                meanB += embedding.points()[i][0] / 100;
            }
        }
        assertTrue(Math.abs(meanA - meanB) > 4, "cluster means on PC1: " + meanA + " vs " + meanB);
        assertEquals(2, embedding.chart().getSeriesCollection().size());
    }

    @Test
    void cosineDecayTrainsAndCannotBeMixedWithASchedule() {
        FeatureSet data = clusters(256, 3);
        try (Network head = Network.of("head", Linear.builder().setUnits(2).build(), new Shape(8), 3)) {
            TrainingHistory history = Fit.of(head).learningRate(0.05).cosineDecay().epochs(5).seed(3).quietly().on(Examples.of(data));
            assertTrue(history.finalTrainAccuracy() > 0.95, "accuracy " + history.finalTrainAccuracy());
            Fit mixed = Fit.of(head).learningRate(update -> 0.01f).cosineDecay().epochs(1).quietly();
            IllegalStateException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> mixed.on(Examples.of(data)));
            assertTrue(error.getMessage().contains("fixed learning rate"), error.getMessage());
        }
    }

    @Test
    void changeFromIsZeroForFrozenStagesAfterFineTuningTheTop() {
        ImageSet train = FashionMnist.train().head(128);
        try (VisionBackbone before = VisionBackbone.randomInit(8, 4); VisionBackbone tuned = before.copy().unfreezeTop(1);
             Network net = tuned.withNewHead(10, 4)) {
            Fit.of(net).learningRate(1e-2).epochs(2).seed(4).quietly().on(Examples.of(train));
            double[] change = tuned.changeFrom(before);
            assertEquals(0.0, change[0], 0.0, "stage 1 was frozen");
            assertEquals(0.0, change[1], 0.0, "stage 2 was frozen");
            assertTrue(change[2] > 1e-4, "stage 3 was trained: " + change[2]);
        }
    }
}
