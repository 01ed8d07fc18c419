package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Lessons 1 and 2 on a kernel that is not the kit's: a stand-in for IJava 1.3.0 (src/test/ijava, compiled here
 * against basekernel 2.3.0's own dependency set alone, Gson 2.8.5 included), which loads the kit from
 * {@code IJAVA_CLASSPATH} behind its own classpath, as IJava does, and runs JShell without the kit kernel's JVM
 * options. Every check must pass and every code cell must show the same kinds of rich output (HTML tables, PNG
 * charts and pictures, check results) as on the kit's kernel.
 */
class ForeignKernelIT {
    private static final Path TARGET = NotebookTests.PROJECT.resolve("target");

    @Test
    void lessonsOneAndTwoRunOnIJavaWithTheSameRichOutput() throws Exception {
        Path jupyterPath = standInKernelSpec();
        NotebookExecutor executor = NotebookExecutor.writingTo(NotebookTests.RUNS.resolve("ijava"))
                .withJupyterPath(jupyterPath);
        for (String name : List.of("01-setup-and-tour.ipynb", "02-inside-a-pretrained-model.ipynb")) {
            Path lesson = NotebookTests.PROJECT.resolve("notebooks").resolve(name);
            NotebookRun foreign = executor.run(lesson);
            System.out.println("[ijava] " + foreign.summary());
            assertTrue(foreign.passed(), () -> name + " on the IJava stand-in:\n" + String.join("\n", foreign.problems()));
            NotebookRun kit = LessonNotebooksIT.lessonRun(lesson);
            List<TreeSet<String>> expected = richOutputPerCell(kit.executed());
            List<TreeSet<String>> actual = richOutputPerCell(foreign.executed());
            assertEquals(expected, actual, name + ": MIME types of each code cell's rich outputs, kit's kernel vs IJava");
            assertTrue(expected.stream().anyMatch(t -> t.contains("text/html")), name + " shows no table: " + expected);
        }
    }

    /** Compiles the stand-in against IJava's classpath (target/ijava-classpath, copied by the pom) and writes its spec. */
    private static Path standInKernelSpec() throws IOException {
        Path classes = Files.createDirectories(TARGET.resolve("ijava-stand-in"));
        List<String> sources;
        try (Stream<Path> files = Files.walk(NotebookTests.PROJECT.resolve("src/test/ijava"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        String ijavaClasspath;
        try (Stream<Path> jars = Files.list(TARGET.resolve("ijava-classpath"))) {
            ijavaClasspath = jars.map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator));
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", ijavaClasspath, "-proc:none"));
        args.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the IJava stand-in does not compile");

        Path jupyter = TARGET.resolve("ijava-jupyter");
        Path spec = Files.createDirectories(jupyter.resolve("kernels/java-transfer-kit"));
        Map<String, Object> kernel = Map.of(
                "argv", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        ijavaClasspath + File.pathSeparator + classes, "io.github.spencerpark.ijava.IJava",
                        "{connection_file}"),
                "display_name", "IJava stand-in (basekernel 2.3.0, Gson 2.8.5)",
                "language", "java",
                "env", Map.of("IJAVA_CLASSPATH", TARGET.resolve("transfer-kit.jar") + File.pathSeparator
                        + TARGET.resolve("lib") + File.separator + "*"));
        Files.writeString(spec.resolve("kernel.json"), new Gson().toJson(kernel));
        return jupyter;
    }

    /** For each code cell, the MIME types of its display and result outputs (streams and errors left out). */
    private static List<TreeSet<String>> richOutputPerCell(Path executed) throws IOException {
        List<TreeSet<String>> cells = new ArrayList<>();
        for (JsonElement cell : JsonParser.parseString(Files.readString(executed)).getAsJsonObject().getAsJsonArray("cells")) {
            if (!cell.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                continue;
            }
            TreeSet<String> types = new TreeSet<>();
            for (JsonElement output : cell.getAsJsonObject().getAsJsonArray("outputs")) {
                if (output.getAsJsonObject().has("data")) {
                    types.addAll(output.getAsJsonObject().getAsJsonObject("data").keySet());
                }
            }
            cells.add(types);
        }
        return cells;
    }
}
