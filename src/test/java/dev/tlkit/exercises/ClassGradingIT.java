package dev.tlkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.kernel.KernelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An instructor grades a class collected into a folder of their own (submissions/STUDENT/, far from exercises/),
 * two notebooks at a time; the grading is killed part-way and resumed: the grades saved before the kill are
 * reused, the rest are graded once each, and the gradebook has every student.
 */
class ClassGradingIT {
    private static final Path PROJECT = Path.of(System.getProperty("kit.project.dir", ".")).toAbsolutePath().normalize();
    private static final String EXERCISE = "02-inside-a-pretrained-model.ipynb";
    private static final int STUDENTS = 30;

    @Test
    void aClassIsGradedTwoAtATimeInterruptedAndResumed() throws Exception {
        Path base = PROJECT.resolve("target/class-grading");
        deleteTree(base);
        Path submissions = base.resolve("submissions");
        for (int s = 1; s <= STUDENTS; s++) {   // every third student hands in the worked solution, the others the exercise
            Path folder = Files.createDirectories(submissions.resolve(student(s)));
            Files.copy(PROJECT.resolve((solved(s) ? "solutions/" : "exercises/") + EXERCISE), folder.resolve(EXERCISE));
        }
        Path out = base.resolve("grades");
        Path results = out.resolve("results");

        Process first = grader(submissions, out, base.resolve("first.log"), false);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (saved(results) < 2 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(saved(results) >= 2, "no grade was saved: see " + base.resolve("first.log"));
        first.descendants().forEach(ProcessHandle::destroyForcibly);
        first.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        int before = saved(results);
        assertTrue(before < STUDENTS, "the grading finished before it could be interrupted: " + before);

        Process second = grader(submissions, out, base.resolve("second.log"), true);
        assertTrue(second.waitFor(15, TimeUnit.MINUTES), "the resumed grading did not finish");
        String log = Files.readString(base.resolve("second.log"));
        assertEquals(0, second.exitValue(), log);
        long reused = log.lines().filter(l -> l.contains("(graded before: --resume)")).count();
        long graded = log.lines().filter(l -> l.matches("student\\d+/.*") && !l.contains("(graded before: --resume)")).count();
        assertEquals(before, reused, "the grades saved before the interruption must be reused: " + log);
        assertEquals(STUDENTS - before, graded, "the others are graded, each once: " + log);

        List<String> gradebook = Files.readAllLines(out.resolve("gradebook.csv"));
        assertEquals(STUDENTS + 1, gradebook.size(), String.join("\n", gradebook));
        for (int s = 1; s <= STUDENTS; s++) {
            String row = gradebook.get(s);
            String[] f = row.split(",");
            assertEquals(student(s), f[0], row);
            assertTrue(solved(s) ? f[2].equals(f[3]) && !f[3].equals("0") : f[2].equals("0"),
                    "solutions get full marks, untouched exercises nothing: " + row);
            assertTrue(Files.isRegularFile(out.resolve("feedback/" + student(s) + "/02-inside-a-pretrained-model.html")));
            assertTrue(Files.isRegularFile(out.resolve("gradescope/" + student(s) + "/02-inside-a-pretrained-model.json")));
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".part")), "a killed run left a half-written file");
        }
    }

    private static String student(int s) {
        return String.format("student%02d", s);
    }

    private static boolean solved(int s) {
        return s % 3 == 1;
    }

    private static Process grader(Path submissions, Path out, Path log, boolean resume) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkit.project.dir=" + PROJECT, "-cp", KernelSpec.classpath(PROJECT), Grader.class.getName(),
                submissions.toString(), "--out", out.toString(), "--jobs", "2", "--cell-timeout", "120"));
        if (resume) {
            command.add("--resume");
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int saved(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(results)) {
            return (int) files.filter(f -> f.toString().endsWith(".ipynb.json")).count();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
