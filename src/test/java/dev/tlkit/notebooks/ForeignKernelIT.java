package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.tlkit.exercises.Grader;
import dev.tlkit.exercises.Grader.Grade;
import dev.tlkit.exercises.Submission;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Lessons 1 and 2, and a graded submission, on kernels that are not the kit's: stand-ins for IJava 1.3.0 and JJava (src/test/foreign,
 * compiled here against each kernel's own dependency set alone: basekernel 2.3.0 with Gson 2.8.5 for IJava, JJava's
 * kernel API jjava-jupyter 1.0-a6 for JJava). Each loads the kit from its {@code *_CLASSPATH} variable behind its
 * own classpath, as the real kernels do, and runs JShell without the kit kernel's JVM options. Every check must pass
 * and every code cell must show the same kinds of rich output (HTML tables, PNG charts and pictures, check results)
 * as on the kit's kernel.
 */
class ForeignKernelIT {
    private static final Path TARGET = NotebookTests.PROJECT.resolve("target");
    private static final Path SOURCES = NotebookTests.PROJECT.resolve("src/test/foreign");

    /** A kernel to stand in for: its classpath folder (from the pom), sources, main class and classpath variable. */
    private record StandIn(String name, String classpathDir, String sourceDir, String mainClass, String classpathVariable) {
    }

    private static final StandIn IJAVA = new StandIn("ijava", "ijava-classpath", "io", "io.github.spencerpark.ijava.IJava", "IJAVA_CLASSPATH");
    private static final StandIn JJAVA = new StandIn("jjava", "jjava-classpath", "org", "org.dflib.jjava.JJavaStandIn", "JJAVA_CLASSPATH");

    @Test
    void lessonsOneAndTwoRunOnIJava() throws Exception {
        runLessons(IJAVA);
    }

    @Test
    void lessonsOneAndTwoRunOnJJava() throws Exception {
        runLessons(JJAVA);
    }

    @Test
    void aSubmissionInAFolderOfItsOwnIsGradedOnIJava() throws Exception {
        gradeSubmission(IJAVA);
    }

    @Test
    void aSubmissionInAFolderOfItsOwnIsGradedOnJJava() throws Exception {
        gradeSubmission(JJAVA);
    }

    /**
     * A course grading on the other kernel: exercise 1's worked solution, handed in as submissions/alice/ far from
     * exercises/, graded in the sandbox with its answer key also computed on that kernel, gets full marks, the hidden
     * check included.
     */
    private static void gradeSubmission(StandIn standIn) throws Exception {
        String exercise = "01-setup-and-tour.ipynb";
        Path course = Files.createTempDirectory(Files.createDirectories(NotebookTests.RUNS), standIn.name() + "-course");
        Path alice = Files.createDirectories(course.resolve("submissions/alice"));
        Files.copy(NotebookTests.PROJECT.resolve("solutions").resolve(exercise), alice.resolve(exercise));
        List<Grade> grades = Grader.gradeAll(Submission.in(List.of(course.resolve("submissions"))),
                NotebookTests.PROJECT.resolve("solutions"), course.resolve("grades"),
                new Grader.Options(Duration.ofSeconds(120), 1, false, true), kernelSpec(standIn));
        assertEquals(1, grades.size());
        Grade grade = grades.get(0);
        System.out.println("[" + standIn.name() + "] " + grade.summary());
        assertTrue(grade.problem().isEmpty() && grade.maxScore() > 0 && grade.score() == grade.maxScore()
                && grade.items().stream().anyMatch(Grader.Item::hidden), () -> "on the " + standIn.name()
                + " stand-in: " + grade.summary() + "\n" + grade.items());
    }

    private static void runLessons(StandIn standIn) throws Exception {
        NotebookExecutor executor = NotebookExecutor.writingTo(NotebookTests.RUNS.resolve(standIn.name()))
                .withJupyterPath(kernelSpec(standIn));
        for (String name : List.of("01-setup-and-tour.ipynb", "02-inside-a-pretrained-model.ipynb")) {
            Path lesson = NotebookTests.PROJECT.resolve("notebooks").resolve(name);
            NotebookRun foreign = executor.run(lesson);
            System.out.println("[" + standIn.name() + "] " + foreign.summary());
            assertTrue(foreign.passed(), () -> name + " on the " + standIn.name() + " stand-in:\n"
                    + String.join("\n", foreign.problems()));
            NotebookRun kit = LessonNotebooksIT.lessonRun(lesson);
            List<TreeSet<String>> expected = richOutputPerCell(kit.executed());
            List<TreeSet<String>> actual = richOutputPerCell(foreign.executed());
            assertEquals(expected, actual, name + ": MIME types of each code cell's rich outputs, kit's kernel vs "
                    + standIn.name());
            assertTrue(expected.stream().anyMatch(t -> t.contains("text/html")), name + " shows no table: " + expected);
        }
    }

    /** Compiles the stand-in against its kernel's classpath alone and writes its kernel spec. */
    private static Path kernelSpec(StandIn standIn) throws IOException {
        Path classes = Files.createDirectories(TARGET.resolve(standIn.name() + "-stand-in"));
        List<String> sources = new ArrayList<>();
        for (String dir : List.of("standin", standIn.sourceDir())) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(dir))) {
                files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(sources::add);
            }
        }
        String classpath;
        try (Stream<Path> jars = Files.list(TARGET.resolve(standIn.classpathDir()))) {
            classpath = jars.map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator));
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath, "-proc:none"));
        args.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the " + standIn.name()
                + " stand-in does not compile");

        Path jupyter = TARGET.resolve(standIn.name() + "-jupyter");
        Path spec = Files.createDirectories(jupyter.resolve("kernels/java-transfer-kit"));
        Map<String, Object> kernel = Map.of(
                "argv", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        classpath + File.pathSeparator + classes, standIn.mainClass(), "{connection_file}"),
                "display_name", standIn.name() + " stand-in",
                "language", "java",
                "env", Map.of(standIn.classpathVariable(), TARGET.resolve("transfer-kit.jar") + File.pathSeparator
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
