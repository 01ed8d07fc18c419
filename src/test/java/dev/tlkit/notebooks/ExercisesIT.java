package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.exercises.Grader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The exercises and the grader. The solutions are graded first: each runs once, must pass every check it shows
 * (full marks) and becomes its exercise's answer key. Then the grader runs every generated exercise, which must
 * run without a kernel error and score nothing on any key check (no check passes vacuously); and a student
 * notebook that loops forever, calls System.exit and does not compile gets a clear failing grade in time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExercisesIT {
    private static final Path OUT = NotebookTests.RUNS.resolve("grades");
    private static final Duration CELL_LIMIT = Duration.ofSeconds(120);

    @Test
    @Order(1)
    void theSolutionsGetFullMarksAndBecomeTheAnswerKeys() throws Exception {
        List<Path> solutions = NotebookTests.notebooksIn("solutions");
        assertEquals(NotebookTests.notebooksIn("exercises").size(), solutions.size(), "one solution per exercise");
        List<Grader.Grade> grades = Grader.gradeAll(List.of(NotebookTests.PROJECT.resolve("solutions")),
                NotebookTests.PROJECT.resolve("solutions"), OUT, CELL_LIMIT, NotebookTests.jupyterPath());
        for (Grader.Grade g : grades) {
            System.out.println("[solution] " + g.summary());
            assertTrue(g.problem().isEmpty(), () -> g.summary() + " " + g.items());
            assertTrue(g.items().size() >= 3, g.notebook().getFileName() + " shows fewer than 3 checks: " + g.items());
            assertEquals(g.maxScore(), g.score(), () -> g.summary() + " " + g.items());
            NotebookTests.recordTiming("solutions", g.notebook(), g.seconds(), g.peakRssMb(), g.passedChecks(),
                    g.items().size());
        }
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> everyExerciseRunsWithoutKernelErrorsAndScoresNothing() {
        List<Path> exercises = NotebookTests.notebooksIn("exercises");
        assertFalse(exercises.isEmpty(), "no exercises: run ./kit exercises");
        return exercises.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
            Grader.Grade g = Grader.gradeAll(List.of(nb), NotebookTests.PROJECT.resolve("solutions"), OUT, CELL_LIMIT,
                    NotebookTests.jupyterPath()).get(0);
            System.out.println("[exercise] " + g.summary());
            assertTrue(g.problem().isEmpty(), () -> nb.getFileName() + " must run without kernel errors: " + g.problem());
            assertEquals(0, g.score(), () -> nb.getFileName() + " has checks that pass before any work: " + g.items());
            assertTrue(g.items().stream().noneMatch(i -> i.reason().startsWith("did not run")),
                    () -> nb.getFileName() + ": every check must run and fail, not be skipped: " + g.items());
        }));
    }

    @Test
    @Order(3)
    void aLoopingExitingBrokenNotebookGetsAClearGradeInTime() throws Exception {
        Path fixtures = NotebookTests.PROJECT.resolve("src/test/resources/grader");
        long start = System.nanoTime();
        List<Grader.Grade> grades = Grader.gradeAll(List.of(fixtures.resolve("student-with-problems.ipynb")),
                fixtures.resolve("solutions"), OUT.resolve("fixture"), Duration.ofSeconds(10), NotebookTests.jupyterPath());
        double seconds = (System.nanoTime() - start) / 1e9;
        Grader.Grade grade = grades.get(0);
        System.out.println("[grader] " + grade.summary() + " " + grade.items());
        assertTrue(seconds < 120, "grading took " + seconds + " s");
        assertEquals(5, grade.items().size(), grade.items().toString());
        assertEquals(1, grade.score(), grade.items().toString());
        assertFalse(grade.items().get(0).passed());
        assertTrue(grade.items().get(0).reason().contains("time limit"), grade.items().get(0).reason());
        assertTrue(grade.items().get(1).reason().contains("System.exit(0) was blocked"), grade.items().get(1).reason());
        assertTrue(grade.items().get(2).reason().contains("incompatible types"), grade.items().get(2).reason());
        assertTrue(grade.items().get(3).passed(), "the cells after the broken ones must still run");
        assertTrue(grade.items().get(4).reason().contains("0.9"), grade.items().get(4).reason());
        String xml = Files.readString(OUT.resolve("fixture/grades.xml"));
        assertTrue(xml.contains("tests=\"5\" failures=\"4\""), xml);
        assertTrue(Files.readString(OUT.resolve("fixture/grades.md")).contains("| grader | student-with-problems.ipynb | 1/5 |"));
    }
}
