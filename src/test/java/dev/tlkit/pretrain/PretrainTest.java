package dev.tlkit.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.data.Checksums;
import dev.tlkit.data.Tasks;
import dev.tlkit.data.ImageAugmentation;
import dev.tlkit.models.ModelCard;
import dev.tlkit.models.VisionBackbone;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-training command is deterministic: the same recipe gives bit-identical parameters and the same card. */
class PretrainTest {

    private static Pretrain.Recipe tinyRecipe() {
        return new Pretrain.Recipe("tiny-cnn", "first 600 source images", "MIT",
                () -> Tasks.fashionClothes().train().head(600).withRotationClasses("s"),
                () -> Tasks.fashionClothes().test().head(200).withRotationClasses("t"),
                8, 1, ImageAugmentation.shifts(2), 7, 1e-3, "tests", "tiny");
    }

    @Test
    void theSameRecipeGivesBitIdenticalParameters(@TempDir Path dir) throws Exception {
        ModelCard first;
        ModelCard second;
        Pretrain.Result a = Pretrain.run(tinyRecipe());
        try (VisionBackbone backbone = a.backbone()) {
            first = a.save(Files.createDirectories(dir.resolve("a")));
        }
        Pretrain.Result b = Pretrain.run(tinyRecipe());
        try (VisionBackbone backbone = b.backbone()) {
            second = b.save(Files.createDirectories(dir.resolve("b")));
        }
        assertEquals(first.parametersSha256(), second.parametersSha256());
        assertEquals(first.sourceTestAccuracy(), second.sourceTestAccuracy());
        assertEquals(Checksums.sha256(dir.resolve("a/tiny-cnn.params")), first.parametersSha256());
        assertEquals(20, first.classes().size());
        try (VisionBackbone loaded = VisionBackbone.load(dir.resolve("a/tiny-cnn.params"), first)) {
            assertTrue(loaded.totalParameters() > 0);
        }
    }

    @Test
    void theShippedRecipeDescribesTheShippedModel() {
        Pretrain.Recipe recipe = Pretrain.RECIPES.get("fashion-source-cnn");
        try (VisionBackbone shipped = VisionBackbone.load("fashion-source-cnn")) {
            ModelCard card = shipped.card();
            assertEquals(recipe.epochs(), card.epochs());
            assertEquals(recipe.seed(), card.seed());
            assertEquals(recipe.width(), card.width());
            assertEquals(recipe.sourceData(), card.sourceData());
            assertEquals(120000, card.trainingImages());
        }
    }
}
