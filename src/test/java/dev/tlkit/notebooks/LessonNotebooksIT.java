package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every lesson through real Jupyter on the kit's kernel, on full data, and requires: no failing cell, at
 * least one check, no failed check. Time and memory are reported (target/notebook-runs/timings.md) and judged by
 * {@code ./kit bench}; here only a hang guard stops a lesson at six times its budget. (The solutions run in
 * {@link ExercisesIT}, once.)
 */
class LessonNotebooksIT {
    /** A lesson's budget on 2 cores (./kit bench judges it). */
    static final Duration LESSON_BUDGET = Duration.ofMinutes(4);
    /**
     * Six times the budget means the lesson hangs: beside a CPU hog lessons run about four times slower, and a
     * slow machine is not a failure here (the bench judges speed).
     */
    static final int HANG_FACTOR = 6;

    @TestFactory
    Stream<DynamicTest> lessons() {
        assertFalse(NotebookTests.notebooksIn("notebooks").isEmpty(), "no lessons found under notebooks/");
        return NotebookTests.notebooksIn("notebooks").stream()
                .map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> check(nb)));
    }

    /** Each lesson's run on the kit's kernel, once per test JVM: ForeignKernelIT compares its runs with these. */
    private static final Map<Path, NotebookRun> RUNS = new HashMap<>();

    static synchronized NotebookRun lessonRun(Path notebook) {
        // one cell may take the whole guard: a lesson's longest cell is most of its time, and beside a CPU hog it
        // passed the executor's default 10 minutes per cell (lesson 3d, 606 s) without hanging
        Duration guard = LESSON_BUDGET.multipliedBy(HANG_FACTOR);
        return RUNS.computeIfAbsent(notebook, nb -> NotebookTests.executor("lessons")
                .withNotebookTimeout(guard).withCellTimeout(guard).run(nb));
    }

    private static void check(Path notebook) throws IOException {
        NotebookRun run = lessonRun(notebook);
        System.out.println("[notebook] " + run.summary());
        NotebookTests.recordTiming("lessons", notebook, run.seconds(), run.peakRssMb(), run.passedChecks(),
                run.checks().size());
        assertTrue(run.passed(), () -> String.join("\n", run.problems()));
        if (notebook.getFileName().toString().startsWith("01-")) {
            Set<String> types = outputTypes(run.executed());
            assertTrue(types.contains("image/png") && types.contains("text/html"),
                    "lesson 1 must show charts/images (image/png) and tables (text/html); it showed " + types);
        }
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
