package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.exercises.Grader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The exercises and the grader: the grader runs every generated exercise, which must run without a kernel
 * error and fail every one of its checks (no check passes vacuously); it gives the solutions full marks, and a
 * student notebook that loops forever, calls System.exit and does not compile a clear failing grade in time.
 */
class ExercisesIT {
    private static final Path OUT = NotebookTests.RUNS.resolve("grades");

    @TestFactory
    Stream<DynamicTest> theGraderGivesEveryExerciseZeroAndItRunsWithoutKernelErrors() {
        List<Path> exercises = NotebookTests.notebooksIn("exercises");
        assertFalse(exercises.isEmpty(), "no exercises: run ./kit exercises");
        return exercises.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
            Grader.Grade g = Grader.gradeAll(List.of(nb), OUT.resolve("exercises"), Duration.ofSeconds(120),
                    NotebookTests.jupyterPath()).get(0);
            System.out.println("[exercise] " + g.summary());
            assertTrue(g.problem().isEmpty(), () -> nb.getFileName() + " must run without kernel errors: " + g.problem());
            assertTrue(g.items().size() >= 3, nb.getFileName() + " declares fewer than 3 checks: " + g.items());
            assertEquals(0, g.score(), () -> nb.getFileName() + " has checks that pass before any work: " + g.items());
            assertTrue(g.items().stream().noneMatch(i -> i.reason().startsWith("did not run")),
                    () -> nb.getFileName() + ": every check must run and fail, not be skipped: " + g.items());
        }));
    }

    @Test
    void theGraderGivesFullMarksToTheSolutions() throws Exception {
        List<Grader.Grade> solutions = Grader.gradeAll(List.of(NotebookTests.PROJECT.resolve("solutions")),
                OUT.resolve("solutions"), Duration.ofSeconds(120), NotebookTests.jupyterPath());
        assertEquals(NotebookTests.notebooksIn("exercises").size(), solutions.size());
        for (Grader.Grade g : solutions) {
            assertEquals(g.items().size(), g.score(), g.summary() + " " + g.items());
        }
    }

    @Test
    void aLoopingExitingBrokenNotebookGetsAClearGradeInTime() throws Exception {
        Path student = NotebookTests.PROJECT.resolve("src/test/resources/grader/student-with-problems.ipynb");
        long start = System.nanoTime();
        List<Grader.Grade> grades = Grader.gradeAll(List.of(student), OUT.resolve("fixture"), Duration.ofSeconds(10),
                NotebookTests.jupyterPath());
        double seconds = (System.nanoTime() - start) / 1e9;
        Grader.Grade grade = grades.get(0);
        System.out.println("[grader] " + grade.summary() + " " + grade.items());
        assertTrue(seconds < 90, "grading took " + seconds + " s");
        assertEquals(5, grade.items().size(), grade.items().toString());
        assertEquals(1, grade.score(), grade.items().toString());
        assertFalse(grade.items().get(0).passed());
        assertTrue(grade.items().get(0).reason().contains("time limit"), grade.items().get(0).reason());
        assertTrue(grade.items().get(1).reason().contains("System.exit(0) was blocked"), grade.items().get(1).reason());
        assertTrue(grade.items().get(2).reason().contains("incompatible types"), grade.items().get(2).reason());
        assertTrue(grade.items().get(3).passed(), "the cells after the broken ones must still run");
        assertTrue(grade.items().get(4).reason().contains("0.9"), grade.items().get(4).reason());
        String xml = java.nio.file.Files.readString(OUT.resolve("fixture/grades.xml"));
        assertTrue(xml.contains("tests=\"5\" failures=\"4\""), xml);
        assertTrue(java.nio.file.Files.readString(OUT.resolve("fixture/grades.md")).contains("| student-with-problems.ipynb | 1/5 |"));
    }
}
