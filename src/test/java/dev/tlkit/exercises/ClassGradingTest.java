package dev.tlkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class's submissions are found per student, grades are saved for resuming, and the reports say the same. */
class ClassGradingTest {
    @TempDir
    Path dir;

    private static Grader.Grade grade(String student, Path notebook) {
        return new Grader.Grade(student, notebook, List.of(
                new Grader.Item("probe reaches 90%", 2, 2, true, ""),
                new Grader.Item("gap, \"paired\" by seed", 0, 3, false, "expected 4.2 <b>points</b>")), 12.5, 600, "");
    }

    @Test
    void parallelKernelsShareTheCoresInsteadOfEachTakingAll() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, new Grader.Options(Duration.ofSeconds(1), 1, false, true).threadsPerJob());
        assertEquals(Math.max(1, cores / 2), new Grader.Options(Duration.ofSeconds(1), 2, false, true).threadsPerJob());
        assertEquals(1, new Grader.Options(Duration.ofSeconds(1), 4 * cores, false, true).threadsPerJob());
    }

    @Test
    void aClassIsAFolderOfStudentFolders() throws IOException {
        Path submissions = Files.createDirectories(dir.resolve("submissions"));
        for (String student : List.of("alice", "bob")) {
            Files.writeString(Files.createDirectories(submissions.resolve(student)).resolve("03-feature-extraction.ipynb"), "{}");
        }
        Files.createDirectories(submissions.resolve(".ipynb_checkpoints"));
        Files.writeString(submissions.resolve(".ipynb_checkpoints/03-feature-extraction.ipynb"), "{}");
        Files.writeString(submissions.resolve("04-fine-tuning.ipynb"), "{}");
        List<Submission> found = Submission.in(List.of(submissions));
        assertEquals(List.of("submissions/04-fine-tuning.ipynb", "alice/03-feature-extraction.ipynb",
                "bob/03-feature-extraction.ipynb"), found.stream().map(Submission::id).toList());
        assertEquals("alice", Submission.in(List.of(submissions.resolve("alice/03-feature-extraction.ipynb"))).get(0).student());
    }

    @Test
    void aSavedGradeIsReusedOnlyForTheSameSubmissionSolutionAndTimeLimit() throws IOException {
        Path notebook = Files.writeString(Files.createDirectories(dir.resolve("alice")).resolve("03.ipynb"), "{\"a\": 1}");
        Submission submission = new Submission("alice", notebook);
        GradeStore store = new GradeStore(dir.resolve("results"), Duration.ofSeconds(60));
        store.save(submission, "solution-1", grade("alice", notebook));
        Grader.Grade again = store.previous(submission, "solution-1").orElseThrow();
        assertEquals(grade("alice", notebook), again);
        assertFalse(store.previous(submission, "solution-2").isPresent(), "the solution changed");
        assertFalse(new GradeStore(dir.resolve("results"), Duration.ofSeconds(30)).previous(submission, "solution-1")
                .isPresent(), "another time limit per cell");
        Files.writeString(notebook, "{\"a\": 2}");
        assertFalse(store.previous(submission, "solution-1").isPresent(), "the student changed the notebook");
        Files.writeString(dir.resolve("results/alice/03.ipynb.json"), "{ half a file");
        assertFalse(store.previous(submission, "solution-1").isPresent(), "an unreadable grade is graded again");
        try (var files = Files.walk(dir.resolve("results"))) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".part")), "no temporary file is left behind");
        }
    }

    @Test
    void theReportsAgreeAndEscapeWhatStudentsWrote() throws IOException {
        Path notebook = dir.resolve("03-feature-extraction.ipynb");
        List<Grader.Grade> grades = List.of(grade("alice", notebook), grade("bob, jr", notebook));
        GradeReports.write(grades, dir.resolve("out"));
        List<String> csv = Files.readAllLines(dir.resolve("out/gradebook.csv"));
        assertEquals("student,exercise,points,max_points,checks_passed,checks,seconds,problem", csv.get(0));
        assertEquals("alice,03-feature-extraction,2,5,1,2,12.5,", csv.get(1));
        assertEquals("\"bob, jr\",03-feature-extraction,2,5,1,2,12.5,", csv.get(2));

        JsonObject gradescope = JsonParser.parseString(Files.readString(
                dir.resolve("out/gradescope/alice/03-feature-extraction.json"))).getAsJsonObject();
        assertEquals(2, gradescope.get("score").getAsInt());
        assertEquals(3, gradescope.getAsJsonArray("tests").get(1).getAsJsonObject().get("max_score").getAsInt());
        assertEquals("failed", gradescope.getAsJsonArray("tests").get(1).getAsJsonObject().get("status").getAsString());

        String html = Files.readString(dir.resolve("out/feedback/alice/03-feature-extraction.html"));
        assertTrue(html.contains("2 / 5 points") && html.contains("expected 4.2 &lt;b&gt;points&lt;/b&gt;"), html);
        assertTrue(Files.readString(dir.resolve("out/grades.md")).contains("| alice | 03-feature-extraction.ipynb | 2/5 | 1/2 |"));
        assertTrue(Files.readString(dir.resolve("out/grades.xml")).contains("tests=\"2\" failures=\"1\""));
    }
}
