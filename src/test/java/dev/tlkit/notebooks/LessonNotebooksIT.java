package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every lesson and every worked solution through real Jupyter on the kit's kernel, on full
 * data, and requires: no failing cell, at least one check line, no failed check, and the time and
 * memory budget (lessons 4 minutes, solutions 2 minutes, 1.5 GB peak RSS each).
 */
class LessonNotebooksIT {
    static final double LESSON_SECONDS = 240;
    static final double SOLUTION_SECONDS = 120;
    static final double PEAK_RSS_MB = 1536;

    @TestFactory
    Stream<DynamicTest> lessons() {
        assertFalse(NotebookTests.notebooksIn("notebooks").isEmpty(), "no lessons found under notebooks/");
        return NotebookTests.notebooksIn("notebooks").stream()
                .map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> check(nb, "lessons", LESSON_SECONDS)));
    }

    @TestFactory
    Stream<DynamicTest> solutions() {
        return NotebookTests.notebooksIn("solutions").stream()
                .map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> check(nb, "solutions", SOLUTION_SECONDS)));
    }

    private static void check(Path notebook, String folder, double secondsBudget) throws IOException {
        NotebookRun run = NotebookTests.executor(folder).run(notebook);
        System.out.println("[notebook] " + run.summary());
        record(folder, run);
        assertTrue(run.passed(), () -> String.join("\n", run.problems()));
        assertTrue(run.seconds() <= secondsBudget, () -> notebook.getFileName() + " took " + run.seconds()
                + " s, over its budget of " + secondsBudget + " s");
        assertTrue(run.peakRssMb() > 0 && run.peakRssMb() <= PEAK_RSS_MB, () -> notebook.getFileName()
                + " peaked at " + run.peakRssMb() + " MB resident, over the " + PEAK_RSS_MB + " MB budget");
        if (notebook.getFileName().toString().startsWith("01-")) {
            Set<String> types = outputTypes(run.executed());
            assertTrue(types.contains("image/png") && types.contains("text/html"),
                    "lesson 1 must show charts/images (image/png) and tables (text/html); it showed " + types);
        }
    }

    /** Appends one row per executed notebook to target/notebook-runs/timings.md. */
    private static synchronized void record(String folder, NotebookRun run) throws IOException {
        Path file = NotebookTests.RUNS.resolve("timings.md");
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "| notebook | seconds | peak RSS (MB) | checks |\n|---|---|---|---|\n");
        }
        Files.writeString(file, String.format(Locale.ROOT, "| %s/%s | %.1f | %.0f | %d/%d |%n", folder,
                run.notebook().getFileName(), run.seconds(), run.peakRssMb(), run.passedChecks(), run.checks().size()),
                StandardOpenOption.APPEND);
    }

    private static Set<String> outputTypes(Path executed) throws IOException {
        Set<String> types = new HashSet<>();
        for (JsonElement cell : JsonParser.parseString(Files.readString(executed)).getAsJsonObject().getAsJsonArray("cells")) {
            if (!cell.getAsJsonObject().has("outputs")) {
                continue;
            }
            for (JsonElement output : cell.getAsJsonObject().getAsJsonArray("outputs")) {
                if (output.getAsJsonObject().has("data")) {
                    types.addAll(output.getAsJsonObject().getAsJsonObject("data").keySet());
                }
            }
        }
        return types;
    }
}
