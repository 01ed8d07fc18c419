package dev.tlkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTest {

    @Test
    void writesAKernelJsonThatStartsTheKitsKernelOffline(@TempDir Path dir) throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("target"));
        Files.writeString(project.resolve("target/transfer-kit.jar"), "");
        Path file = KernelSpec.write(project, dir.resolve("spec"));
        JsonObject spec = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        String argv = spec.getAsJsonArray("argv").toString();
        assertTrue(argv.contains("-Dai.djl.offline=true"), argv);
        assertTrue(argv.contains("dev.tlkit.kernel.KernelMain"), argv);
        assertTrue(argv.endsWith("\"{connection_file}\"]"), argv);
        assertTrue(argv.contains(project.toAbsolutePath() + "/target/lib/*"), argv);
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("33554432", spec.getAsJsonObject("env").get("MALLOC_MMAP_THRESHOLD_").getAsString());
    }

    @Test
    void refusesAnUnbuiltProjectWithTheFix(@TempDir Path dir) {
        IOException error = assertThrows(IOException.class, () -> KernelSpec.write(dir, dir.resolve("spec")));
        assertTrue(error.getMessage().contains("build the kit first"), error.getMessage());
    }
}
