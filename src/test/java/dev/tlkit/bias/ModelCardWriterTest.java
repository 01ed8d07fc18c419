package dev.tlkit.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.data.Manifest;
import dev.tlkit.data.FashionMnist;
import dev.tlkit.models.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardWriterTest {

    @Test
    void theCardRecordsUseDataLicensesMetricsAndLimits(@TempDir Path dir) throws Exception {
        ModelCard backbone = new ModelCard("src-cnn", "SmallCnn", 32, "source images", "MIT (source)",
                List.of("a", "b"), 100, 2, 1, "none", 0.9, 50, 3.0, "abcdef0123456789abcdef", "java Pretrain src-cnn",
                "teaching", "small images only", 0.95);
        GroupMetrics metrics = GroupMetrics.binary(new int[] {1, 0, 1, 0}, new int[] {1, 0, 0, 0},
                new String[] {"A", "A", "B", "B"});
        ModelCardWriter writer = ModelCardWriter.forModel("demo").intendedUse("teaching transfer learning")
                .backbone(backbone)
                .trainingData(Manifest.load().get(FashionMnist.DATASET), "250 target images")
                .metrics("4 test images", metrics).limitation("group B is served worse");
        String md = writer.markdown().text();
        assertTrue(md.contains("## Model card: demo"), md);
        assertTrue(md.contains("teaching transfer learning"), md);
        assertTrue(md.contains("MIT (source)") && md.contains("| MIT |"), md);
        assertTrue(md.contains("| A | 2 | 1.000 |") && md.contains("| B | 2 | 0.500 |") && md.contains("| overall | 4 |"), md);
        assertTrue(md.contains("- Backbone: small images only") && md.contains("- group B is served worse"), md);
        Path file = writer.write(dir.resolve("card.md"));
        assertEquals(md, Files.readString(file));
        assertTrue(Files.list(dir).noneMatch(p -> p.toString().endsWith(".part")));
    }

    @Test
    void aCardWithoutIntendedUseOrDataIsRefused() {
        assertThrows(IllegalStateException.class, () -> ModelCardWriter.forModel("x").markdown());
        assertThrows(IllegalStateException.class, () -> ModelCardWriter.forModel("x").intendedUse("y").markdown());
    }
}
