package dev.tlkit.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.nn.ParameterFiles;
import dev.tlkit.nn.SmallCnn;
import ai.djl.nn.SequentialBlock;
import dev.tlkit.data.FashionMnist;
import dev.tlkit.data.ImageSet;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameter files that are cut short or whose save is interrupted never turn into a broken model. */
class ParameterFilesTest {
    private static final ImageSet IMAGES = FashionMnist.test().head(20);

    private static ModelCard card() {
        return new ModelCard("test-cnn", "SmallCnn", 8, "test", "MIT", List.of("a"), 0, 1, 1, "none", 0.5, 1, 1, "",
                "retrain it", "tests", "none", 0.5);
    }

    @Test
    void aTruncatedParameterFileFailsWithTheFix(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cut.params");
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 3)) {
            backbone.save(file);
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> VisionBackbone.load(file, card()));
        assertTrue(e.getMessage().contains("the parameter file " + file + " is corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains("Re-create it with: retrain it"), e.getMessage());
    }

    @Test
    void anInterruptedSaveLeavesThePreviousModelIntact(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.params");
        float[] featuresBefore;
        try (VisionBackbone backbone = VisionBackbone.randomInit(8, 4)) {
            backbone.save(file);
            featuresBefore = backbone.features(IMAGES).vector(0);
        }
        byte[] saved = Files.readAllBytes(file);

        IOException e = assertThrows(IOException.class, () -> ParameterFiles.save(new DiskFullBlock(), file));
        assertEquals("disk full after 1000 bytes", e.getMessage());

        assertArrayEquals(saved, Files.readAllBytes(file), "the model file must be the one saved before");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "the half-written temporary file must be gone");
        }
        try (VisionBackbone loaded = VisionBackbone.load(file, card())) {
            assertArrayEquals(featuresBefore, loaded.features(IMAGES).vector(0));
        }
    }

    /** A block whose save fails part-way, like a full disk or a killed process. */
    private static final class DiskFullBlock extends SequentialBlock {
        @Override
        public void saveParameters(DataOutputStream os) throws IOException {
            os.write(new byte[1000]);
            throw new IOException("disk full after 1000 bytes");
        }
    }
}
