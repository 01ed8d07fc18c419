package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The notebook harness fails a notebook for a failing cell, a failed check, or no check at all. */
class NotebookHarnessIT {

    private static NotebookRun run(String fixture) {
        Path notebook = NotebookTests.PROJECT.resolve("src/test/resources/fixtures/" + fixture + ".ipynb");
        return NotebookTests.executor("fixtures").run(notebook);
    }

    private static String problems(NotebookRun run) {
        return String.join("\n", run.problems());
    }

    @Test
    void aNotebookWhoseChecksPassPasses() {
        NotebookRun run = run("passing");
        assertTrue(run.passed(), problems(run));
        assertEquals(1, run.passedChecks());
    }

    @Test
    void aFailingCellFailsTheNotebookNamingTheCellAndTheError() {
        NotebookRun run = run("failing-cell");
        assertFalse(run.passed());
        assertEquals(2, run.failedCell());
        String problems = problems(run);
        assertTrue(problems.contains("failing-cell.ipynb: cell 2 failed"), problems);
        assertTrue(problems.contains("java.lang.IllegalStateException: fixture failure"), problems);
        assertTrue(problems.contains("at cell line 2"), problems);
        assertTrue(run.checks().isEmpty(), "execution stops at the failing cell");
    }

    @Test
    void aFailedCheckFailsTheNotebookWithItsMessage() {
        NotebookRun run = run("failing-check");
        assertTrue(run.cellsRan());
        assertFalse(run.passed());
        assertTrue(problems(run).contains("CHECK FAIL: accuracy is high enough: expected at least 0.9000, measured 0.5000"),
                problems(run));
    }

    @Test
    void aNotebookWithoutChecksFails() {
        NotebookRun run = run("no-checks");
        assertTrue(run.cellsRan());
        assertFalse(run.passed());
        assertTrue(problems(run).contains("no check line"), problems(run));
    }

    @Test
    void aCompilationErrorFailsTheNotebookWithTheLine() {
        NotebookRun run = run("compile-error");
        assertEquals(1, run.failedCell());
        assertTrue(problems(run).contains("Compilation error at cell line 1"), problems(run));
    }
}
