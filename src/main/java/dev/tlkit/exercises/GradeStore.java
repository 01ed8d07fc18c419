package dev.tlkit.exercises;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.tlkit.data.AtomicFiles;
import dev.tlkit.data.Checksums;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Each grade as soon as it is known, one file per submission ({@code results/STUDENT/NOTEBOOK.json}, written
 * atomically), so that a run stopped part-way resumes where it stopped: a saved grade is reused only for the very
 * same submission (SHA-256), solution (SHA-256) and time limit per cell.
 */
final class GradeStore {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** What is saved: the grade and what it was made from. */
    private record Saved(String submissionSha256, String solutionSha256, long cellTimeoutSeconds, String student,
                         List<Grader.Item> items, double seconds, double peakRssMb, String problem) {
    }

    private final Path folder;
    private final Duration cellTimeout;

    GradeStore(Path folder, Duration cellTimeout) {
        this.folder = folder;
        this.cellTimeout = cellTimeout;
    }

    Optional<Grader.Grade> previous(Submission submission, String solutionSha256) throws IOException {
        Path file = file(submission);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Saved saved;
        try {
            saved = GSON.fromJson(Files.readString(file), Saved.class);
        } catch (JsonParseException e) {
            return Optional.empty();   // unreadable: grade again
        }
        if (saved == null || !saved.submissionSha256().equals(Checksums.sha256(submission.notebook()))
                || !saved.solutionSha256().equals(solutionSha256) || saved.cellTimeoutSeconds() != cellTimeout.toSeconds()) {
            return Optional.empty();
        }
        return Optional.of(new Grader.Grade(saved.student(), submission.notebook(), saved.items(), saved.seconds(),
                saved.peakRssMb(), saved.problem()));
    }

    void save(Submission submission, String solutionSha256, Grader.Grade grade) throws IOException {
        Saved saved = new Saved(Checksums.sha256(submission.notebook()), solutionSha256, cellTimeout.toSeconds(),
                grade.student(), grade.items(), grade.seconds(), grade.peakRssMb(), grade.problem());
        AtomicFiles.writeString(file(submission), GSON.toJson(saved));
    }

    private Path file(Submission submission) {
        return folder.resolve(submission.student()).resolve(submission.notebook().getFileName() + ".json");
    }
}
