package dev.tlkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.tlkit.data.FashionMnist;
import dev.tlkit.data.ImageSet;
import dev.tlkit.eval.Predictions;
import dev.tlkit.models.VisionBackbone;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Freezing, the feature cache, per-block learning rates, early stopping and determinism. */
class TrainingTest {
    private static ImageSet train;
    private static ImageSet test;

    @BeforeAll
    static void data() {
        ImageSet all = FashionMnist.train();
        train = all.head(600);
        test = FashionMnist.test().head(400);
    }

    /** Every parameter value (weights and batch-norm statistics) of a block, as float arrays. */
    private static List<float[]> values(Block block) {
        List<float[]> values = new ArrayList<>();
        for (Parameter p : block.getParameters().values()) {
            values.add(p.getArray().toFloatArray());
        }
        return values;
    }

    private static void assertSameValues(List<float[]> expected, List<float[]> actual, String what) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + ": parameter " + i + " changed");
        }
    }

    private static boolean anyChanged(List<float[]> before, List<float[]> after) {
        for (int i = 0; i < before.size(); i++) {
            if (!java.util.Arrays.equals(before.get(i), after.get(i))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void frozenParametersAreBitIdenticalAfterTraining() {
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 3).freeze();
             Network net = backbone.withNewHead(10, 3)) {
            List<float[]> backboneBefore = values(backbone.block());
            Block head = net.block().getChildren().get(1).getValue();
            List<float[]> headBefore = values(head);
            Fit.of(net).epochs(2).batchSize(32).seed(3).quietly().on(Examples.of(train));
            assertSameValues(backboneBefore, values(backbone.block()), "frozen backbone (incl. batch-norm statistics)");
            assertTrue(anyChanged(headBefore, values(head)), "the new head must learn");
            assertEquals(net.totalParameters() - backbone.totalParameters(), net.trainableParameters());
        }
    }

    @Test
    void unfreezingTheTopStageTrainsOnlyThatStage() {
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 4).unfreezeTop(1);
             Network net = backbone.withNewHead(10, 4)) {
            List<float[]> lower = values(backbone.block().stage(0));
            lower.addAll(values(backbone.block().stage(1)));
            List<float[]> top = values(backbone.block().stage(2));
            Fit.of(net).epochs(1).batchSize(32).seed(4).quietly().on(Examples.of(train));
            List<float[]> lowerAfter = values(backbone.block().stage(0));
            lowerAfter.addAll(values(backbone.block().stage(1)));
            assertSameValues(lower, lowerAfter, "frozen lower stages");
            assertTrue(anyChanged(top, values(backbone.block().stage(2))));
        }
    }

    @Test
    void theFeatureCacheGivesTheSameHeadAsRunningTheFrozenBackboneEveryEpoch() {
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 5).freeze()) {
            double cached;
            try (LinearProbe<ImageSet> probe = LinearProbe.fit(backbone, train, 11)) {
                cached = probe.predict(test).accuracy();
            }
            double endToEnd;
            try (Network net = backbone.withNewHead(10, 11)) {
                Fit.of(net).learningRate(1e-2).epochs(30).atLeastSteps(300).batchSize(64).seed(11).quietly()
                        .on(Examples.of(train));
                endToEnd = Predictions.of(net, Examples.of(test)).accuracy();
            }
            assertEquals(endToEnd, cached, 0.0051, "cache and end-to-end frozen training should agree");
        }
    }

    @Test
    void aZeroLearningRateForABlockKeepsItUnchanged() {
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 6); Network net = backbone.withNewHead(10, 6)) {
            List<float[]> stage1 = values(backbone.block().stage(0)).subList(0, 2);
            List<float[]> stage3 = values(backbone.block().stage(2));
            Fit.of(net).learningRate(1e-3).learningRate(backbone.block().stage(0), 0.0).epochs(1).batchSize(32).seed(6)
                    .quietly().on(Examples.of(train));
            // the first convolution's weight and bias: learning rate 0 leaves them exactly as they were
            assertSameValues(stage1, values(backbone.block().stage(0)).subList(0, 2), "stage 1 at learning rate 0");
            assertTrue(anyChanged(stage3, values(backbone.block().stage(2))));
        }
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        double[] accuracies = new double[2];
        List<Double> losses = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (VisionBackbone backbone = VisionBackbone.randomInit(8, 9); Network net = backbone.withNewHead(10, 9)) {
                TrainingHistory history = Fit.of(net).epochs(1).batchSize(32).seed(9).quietly().on(Examples.of(train));
                losses.add(history.last().trainLoss());
                accuracies[run] = Predictions.of(net, Examples.of(test)).accuracy();
            }
        }
        assertEquals(losses.get(0), losses.get(1));
        assertEquals(accuracies[0], accuracies[1]);
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 10); Network net = backbone.withNewHead(10, 10)) {
            TrainingHistory history = Fit.of(net).epochs(12).batchSize(32).seed(10).validateOn(Examples.of(test))
                    .earlyStopping(2).quietly().on(Examples.of(train.head(100)));
            double best = history.epochs().stream().mapToDouble(TrainingHistory.Epoch::validationAccuracy).max().orElseThrow();
            assertEquals(best, history.epochs().get(history.bestEpoch() - 1).validationAccuracy());
            assertEquals(best, Predictions.of(net, Examples.of(test)).accuracy(), 1e-12);
        }
    }

    @Test
    void mismatchedDataIsRejectedBeforeTraining() {
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 1); Network net = backbone.withNewHead(10, 1)) {
            FeatureSet features = new FeatureSet("features", new float[][] {{1, 2}}, new int[] {0}, List.of("a"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fit.of(net).quietly().on(Examples.of(features)));
            assertTrue(e.getMessage().contains("expects examples of shape"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> Fit.of(net).earlyStopping(2).on(Examples.of(train)));
            assertFalse(net.trainableParameters() == 0);
        }
    }
}
