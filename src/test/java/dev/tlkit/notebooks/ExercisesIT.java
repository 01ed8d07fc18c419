package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.exercises.Grader;
import dev.tlkit.exercises.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * notebook that loops forever, calls System.exit and does not compile gets a clear failing grade in time; and the
 * classic mistakes, which pass the visible checks, are caught by the hidden ones (graded on the solutions' keys).
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
        // two at a time on a core each, as an instructor grades a class (times in timings.md are measured so)
        List<Grader.Grade> grades = Grader.gradeAll(Submission.in(List.of(NotebookTests.PROJECT.resolve("solutions"))),
                NotebookTests.PROJECT.resolve("solutions"), OUT, new Grader.Options(CELL_LIMIT, 2, false, true),
                NotebookTests.jupyterPath());
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

    /** Each mistake's fixture (a student folder) and the visible check it slips past. */
    private static final Map<String, String> MISSED_BY_VISIBLE_CHECK = Map.ofEntries(
            Map.entry("probe-trained-on-test", "a linear probe on pre-trained features reaches 90% with 50 labels per class"),
            Map.entry("probe-scored-on-train", "a linear probe on pre-trained features reaches 90% with 50 labels per class"),
            Map.entry("scored-on-training-images", "full fine-tuning reaches 91% on the 5,000 target test images"),
            Map.entry("source-scored-on-test", "the chosen source is the one with the best few-shot score"),
            Map.entry("seed-ignored", "with the fewest labels the probe leads on every seed (by at least 1 point)"),
            Map.entry("preprocessing-fitted-on-test", "a probe on the standardised features reaches 0.70 with 5 labels per class"),
            Map.entry("thresholds-fitted-on-test", "per-group thresholds shrink the true-positive-rate difference on the test set"),
            Map.entry("threshold-fitted-on-test", "one number, the ink share, tells sandals from bags on 85% of the test images (chance: 50%)"),
            Map.entry("text-probe-trained-on-test", "a MiniLM probe trained on Yelp reaches 70% on IMDb"),
            Map.entry("synthetic-probe-trained-on-test", "a probe trained on synthetic digits alone reads at least 65% of real digits"),
            Map.entry("imagenet-probe-trained-on-test", "a probe on ImageNet features reaches 75% on digits with 10 labels per class"),
            Map.entry("clips-drawn-from-test", "one clip per word from the new speaker adds at least 15 points"),
            Map.entry("stopping-against-previous-epoch",
                    "patience 2 stops after epoch 4, patience 3 after epoch 8, patience 10 runs all 8 epochs"));

    /**
     * The classic mistakes pass the visible checks and are caught by the hidden ones, which the students' feedback
     * counts without naming: a probe trained on the test features (images, ImageNet features of digits, sentences,
     * and real digits instead of synthetic ones), a probe scored on its training features, a fine-tuned model scored on its training images, a
     * source chosen by its score on the test set, a draw of labels that ignores its seed, a standardisation fitted on
     * the data it is applied to, per-group thresholds and an ink-share threshold fitted on the test set, and an early
     * stopping rule that compares each epoch with the one before instead of the best so far, and a new speaker's
     * clips drawn from the test clips (one fixture notebook each, src/test/resources/grader/mistakes).
     */
    @Test
    @Order(4)
    void hiddenChecksCatchWhatTheVisibleOnesMissAndStayHidden() throws Exception {
        Path out = NotebookTests.RUNS.resolve("mistakes");
        copyKeys(OUT.resolve("keys"), out.resolve("keys"));   // the solutions' keys of the first test: not run again
        List<Grader.Grade> grades = Grader.gradeAll(Submission.in(List.of(NotebookTests.PROJECT.resolve("src/test/resources/grader/mistakes"))),
                NotebookTests.PROJECT.resolve("solutions"), out, new Grader.Options(CELL_LIMIT, 2, false, true),
                NotebookTests.jupyterPath());
        assertEquals(MISSED_BY_VISIBLE_CHECK.size(), grades.size(), "one fixture per mistake: " + grades);
        for (Grader.Grade g : grades) {
            System.out.println("[mistake] " + g.summary() + " " + g.items());
            String visible = MISSED_BY_VISIBLE_CHECK.get(g.student());
            assertTrue(g.items().stream().anyMatch(i -> i.check().equals(visible) && i.passed() && !i.hidden()),
                    g.student() + ": the mistake slips past the visible check: " + g.items());
            List<Grader.Item> hidden = g.items().stream().filter(Grader.Item::hidden).toList();
            assertEquals(1, hidden.size(), g.student() + ": " + g.items());
            assertTrue(!hidden.get(0).passed() && hidden.get(0).points() == 0, g.student() + " is caught: " + hidden);
            String name = NotebookFiles.name(g.notebook());
            for (Path studentFile : List.of(out.resolve("feedback").resolve(g.student()).resolve(name + ".html"),
                    out.resolve("gradescope").resolve(g.student()).resolve(name + ".json"))) {
                String text = Files.readString(studentFile);
                assertTrue(text.contains("hidden checks: 0 of 1 passed"), studentFile + ": " + text);
                assertTrue(!text.contains(hidden.get(0).check()) && !text.contains(hidden.get(0).reason()),
                        studentFile + " reveals the hidden check: " + text);
            }
        }
        assertTrue(Files.readString(out.resolve("grades.md")).contains("[hidden]"), "the instructor sees the hidden checks");
    }

    private static void copyKeys(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (Files.isDirectory(from)) {
            try (Stream<Path> keys = Files.list(from)) {
                for (Path key : keys.filter(k -> k.toString().endsWith(".key.json")).toList()) {
                    Files.copy(key, to.resolve(key.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
