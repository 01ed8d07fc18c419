package dev.tlkit.recipes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.data.ImageSet;
import dev.tlkit.data.Tasks;
import dev.tlkit.eval.Predictions;
import dev.tlkit.models.VisionBackbone;
import dev.tlkit.nn.Network;
import dev.tlkit.train.Fit;
import org.junit.jupiter.api.Test;

/** The recipes do what their names say, and a run leaves the source model as it was. */
class RecipesTest {
    private static final ImageSet POOL = Tasks.fashionClothesToRest().train().head(2000);
    private static final ImageSet TEST = Tasks.fashionClothesToRest().test().head(300);

    private static Trial<ImageSet> trial(long seed) {
        return Trial.of(20, seed, POOL.samplePerClass(20, seed), TEST);
    }

    @Test
    void fineTuningTheTopOnCachedActivationsEqualsRunningTheWholeNetwork() {
        try (VisionBackbone source = VisionBackbone.load("fashion-source-cnn").freeze()) {
            Trial<ImageSet> trial = trial(3);
            Run cached = Recipes.fineTuneTop(source, 1).epochs(5).atLeastSteps(0).run(trial);
            double whole;
            try (VisionBackbone copy = source.copy().unfreezeTop(1); Network net = copy.withNewHead(5, 3)) {
                Fit.of(net).learningRate(FineTune.LEARNING_RATE).epochs(5).atMostSteps(FineTune.MAX_STEPS).seed(3)
                        .quietly().on(copy.examples(trial.train()));
                whole = Predictions.of(net, copy.examples(TEST)).accuracy();
            }
            assertEquals(whole, cached.accuracy(), 1.0 / TEST.size(), "one image's difference at most (float rounding)");
            assertEquals(0, source.trainableParameters(), "the source stays frozen");
        }
    }

    @Test
    void fineTuningTrainsACopyAndProbesAreRepeatable() {
        try (VisionBackbone source = VisionBackbone.load("fashion-source-cnn").freeze()) {
            float[] before = source.features(TEST.head(1)).vector(0);
            Run full = Recipes.fineTuneAll(source).epochs(3).atLeastSteps(0).measureChange().run(trial(1));
            assertArrayEquals(before, source.features(TEST.head(1)).vector(0), "fine-tuning must not change the source");
            assertTrue(full.blockChanges().get("stage3") > 0, full.blockChanges().toString());
            assertEquals(full.forwardPasses(), full.backwardPasses());
            Probe<ImageSet> probe = Recipes.probe(source);
            Run a = probe.run(trial(2));
            Run b = probe.run(trial(2));
            assertEquals(a.accuracy(), b.accuracy(), 0.0, "the same seed gives the same probe");
            assertEquals(100, a.forwardPasses(), "a probe passes each training image once");
            assertEquals(0, a.backwardPasses());
            assertEquals("linear probe (fashion-source-cnn)", a.label());
        }
    }

    @Test
    void aMixTrainsOnTheExtraImagesWithTheRealOnesRepeatedToHalfAndKeepsItsName() {
        java.util.concurrent.atomic.AtomicReference<ImageSet> seen = new java.util.concurrent.atomic.AtomicReference<>();
        Method<ImageSet> recorder = new Method<>() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public String source() {
                return "";
            }

            @Override
            public Run run(Trial<ImageSet> trial) {
                seen.set(trial.train());
                return new Run(name(), source(), trial.k(), trial.seed(), 0.5, 0.5, 0, 0, 0, 0, java.util.Map.of(), null,
                        java.util.Optional.empty(), java.util.Map.of());
            }
        };
        ImageSet extra = POOL.head(400);
        Trial<ImageSet> trial = Trial.of(2, 1, POOL.samplePerClass(2, 1), TEST);
        Run run = Recipes.mixedWith(recorder, extra).run(trial);
        assertEquals(800, seen.get().size(), "400 extra images and the 10 real ones repeated 40 times");
        assertEquals(trial.train().label(3), seen.get().label(403));
        assertEquals(extra.classNames(), seen.get().classNames());
        assertEquals("recorder on real + " + extra.name(), run.method());
    }
}
