package dev.tlkit.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.data.FashionMnist;
import dev.tlkit.data.ImageSet;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.train.Fit;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisionBackboneTest {
    private static final ImageSet IMAGES = FashionMnist.test().head(300);

    private static ModelCard card(int width, String sha) {
        return new ModelCard("test-cnn", "SmallCnn", width, "test", "MIT", List.of("a"), 0, 1, 1, "none", 0.5, 1, 1, sha,
                "retrain it", "tests", "none", 0.5);
    }

    @Test
    void saveThenLoadGivesIdenticalFeatures(@TempDir Path dir) throws Exception {
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 2); Network net = backbone.withNewHead(10, 2)) {
            Fit.of(net).epochs(1).batchSize(32).seed(2).quietly().on(Examples.of(IMAGES));
            Path file = dir.resolve("b.params");
            backbone.save(file);
            FeatureSet before = backbone.features(IMAGES);
            try (VisionBackbone loaded = VisionBackbone.load(file, card(8, ""))) {
                FeatureSet after = loaded.features(IMAGES);
                for (int i = 0; i < IMAGES.size(); i++) {
                    assertArrayEquals(before.vector(i), after.vector(i));
                }
            }
            try (var files = Files.list(dir)) {
                assertEquals(List.of(file), files.toList(), "an atomic save leaves no temporary file");
            }
        }
    }

    @Test
    void aCorruptParameterFileFailsWithTheFix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.params");
        Files.write(file, new byte[] {1, 2, 3, 4, 5});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> VisionBackbone.load(file, card(8, "")));
        assertTrue(e.getMessage().contains("is corrupt") && e.getMessage().contains("retrain it"), e.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> VisionBackbone.load(dir.resolve("none.params"), card(8, "")));
        assertTrue(missing.getMessage().contains("is missing"), missing.getMessage());
    }

    @Test
    void parametersThatDoNotMatchTheCardAreRefused(@TempDir Path dir) throws Exception {
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 2)) {
            Path file = dir.resolve("b.params");
            backbone.save(file);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> VisionBackbone.load(file, card(8, "0".repeat(64))));
            assertTrue(e.getMessage().contains("do not match the model card") && e.getMessage().contains("retrain it"),
                    e.getMessage());
            String sha = dev.tlkit.data.Checksums.sha256(file);
            VisionBackbone.load(file, card(8, sha)).close();
        }
    }

    @Test
    void theShippedBackboneLoadsAndMatchesItsCard() {
        try (VisionBackbone backbone = VisionBackbone.load("fashion-source-cnn")) {
            assertEquals(128, backbone.featureSize());
            assertEquals(20, backbone.card().classes().size());
            assertEquals("T-shirt/top @0", backbone.card().classes().get(0));
            assertTrue(backbone.card().sourceTestAccuracy() > 0.8);
        }
    }

    @Test
    void freezingChangesTheTrainableCountByStage() {
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 1)) {
            long total = backbone.totalParameters();
            assertEquals(total, backbone.trainableParameters());
            assertEquals(0, backbone.freeze().trainableParameters());
            long top = (long) backbone.stageTable().longColumn("parameters").get(2);
            assertEquals(top, backbone.unfreezeTop(1).trainableParameters());
            assertEquals(total, backbone.unfreeze().trainableParameters());
            assertEquals(32, backbone.featureSize());
            assertThrows(IllegalArgumentException.class, () -> backbone.unfreezeTop(4));
        }
    }

    @Test
    void activationsAndFiltersHaveTheirShapes() {
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 1)) {
            assertEquals(8, backbone.firstLayerFilters().length);
            assertEquals(3, backbone.firstLayerFilters()[0].length);
            float[][][] maps = backbone.activations(IMAGES, 0, 0);
            assertEquals(8, maps.length);
            assertEquals(14, maps[0].length);
        }
    }

    @Test
    void anUnknownModelNameSaysWhatToDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VisionBackbone.load("imagenet-resnet"));
        assertTrue(e.getMessage().contains("Pretrain"), e.getMessage());
    }
}
