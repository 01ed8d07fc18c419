package dev.tlkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExerciseGeneratorTest {

    @Test
    void aMarkedBlockBecomesATodoAndItsStub() {
        String solution = "double gap(double a, double b) {\n    // BEGIN SOLUTION\n    return 100 * (a - b);\n"
                + "    // STUB: return 0;\n    // END SOLUTION\n}";
        assertEquals("double gap(double a, double b) {\n    // TODO: your code here\n    return 0;\n}",
                ExerciseGenerator.stubbed(solution, "test"));
    }

    @Test
    void unbalancedMarkersAreRefusedWithTheirPlace() {
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
                () -> ExerciseGenerator.stubbed("x();\n// BEGIN SOLUTION\ny();", "nb, cell 3"));
        assertTrue(open.getMessage().contains("nb, cell 3, line 2") && open.getMessage().contains("never closed"),
                open.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExerciseGenerator.stubbed("// END SOLUTION", "nb"));
    }

    @Test
    void hiddenCheckCellsAreLeftOutOfTheExerciseAndAppendedToASubmission(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path project = Path.of(System.getProperty("kit.project.dir", "."));
        Path solution = project.resolve("solutions/03-feature-extraction.ipynb");
        String exercise = Files.readString(project.resolve("exercises/03-feature-extraction.ipynb"));
        assertTrue(Files.readString(solution).contains(ExerciseGenerator.HIDDEN) && !exercise.contains("HIDDEN")
                && !exercise.contains("LabelShuffling"), "the exercise must not contain the hidden checks");
        int solutionCells = dev.tlkit.notebooks.NotebookFiles.cells(solution).size();
        assertEquals(java.util.Set.of(solutionCells), ExerciseGenerator.hiddenCells(solution));

        Path submission = Files.writeString(dir.resolve("03-feature-extraction.ipynb"), exercise);
        Path graded = ExerciseGenerator.withHiddenCells(submission, solution, dir.resolve("graded/03-feature-extraction.ipynb"));
        var cells = dev.tlkit.notebooks.NotebookFiles.cells(graded);
        assertEquals(dev.tlkit.notebooks.NotebookFiles.cells(submission).size() + 1, cells.size());
        assertTrue(dev.tlkit.notebooks.NotebookFiles.source(cells.get(cells.size() - 1).getAsJsonObject())
                .startsWith(ExerciseGenerator.HIDDEN), "the hidden cell runs last");
        assertEquals(exercise, Files.readString(submission), "the student's file is left as it was");
        Path plain = project.resolve("solutions/02-inside-a-pretrained-model.ipynb");
        assertEquals(submission, ExerciseGenerator.withHiddenCells(submission, plain, dir.resolve("x.ipynb")),
                "a solution without hidden checks grades the submission itself");
    }

    @Test
    void theExercisesAreExactlyWhatTheGeneratorWritesFromTheSolutions() throws Exception {
        Path project = Path.of(System.getProperty("kit.project.dir", "."));
        List<String> stale = ExerciseGenerator.generate(project.resolve("solutions"), project.resolve("exercises"), true);
        assertTrue(stale.isEmpty(), "exercises/ differs from the solutions for " + stale + ": run ./kit exercises");
        try (var solutions = Files.list(project.resolve("solutions"))) {
            assertTrue(solutions.count() >= 5, "a solution per lesson 2-4 (with 3b and 4b) at least");
        }
    }

    @Test
    void anExerciseKeepsNoSolutionCodeAndNoOutputs() throws Exception {
        Path project = Path.of(System.getProperty("kit.project.dir", "."));
        String exercise = Files.readString(project.resolve("exercises/03-feature-extraction.ipynb"));
        assertTrue(!exercise.contains("BEGIN SOLUTION") && !exercise.contains("100 * (a - b)"), "solution code leaked");
        assertTrue(exercise.contains("// TODO: your code here"));
        assertTrue(!exercise.contains("\"output_type\""), "outputs must be cleared");
    }

    /**
     * {@code Check.points(2).passes(...)} compiles (a static method called on an instance) but is worth 1 point:
     * a check worth points must call the instance methods ({@code holds}, {@code isTrue}, {@code isAtLeast}...).
     */
    @Test
    void everyCheckWorthPointsCallsAnInstanceMethod() throws Exception {
        Path project = Path.of(System.getProperty("kit.project.dir", "."));
        Pattern staticOnInstance = Pattern.compile("points\\(\\d+\\)\\s*\\.\\s*(that|passes|atLeast|atMost|between|equal)\\(");
        List<String> wrong = new ArrayList<>();
        for (String folder : List.of("notebooks", "solutions", "src/test/resources")) {
            try (Stream<Path> files = Files.walk(project.resolve(folder))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".ipynb")).toList()) {
                    if (staticOnInstance.matcher(Files.readString(f)).find()) {
                        wrong.add(project.relativize(f).toString());
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), "Check.points(n) followed by a static method (worth 1 point, not n) in " + wrong);
    }
}
