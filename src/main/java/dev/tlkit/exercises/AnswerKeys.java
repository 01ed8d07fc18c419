package dev.tlkit.exercises;

import dev.tlkit.notebooks.NotebookExecutor;
import dev.tlkit.notebooks.NotebookRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.tlkit.data.Checksums;
import java.util.HashMap;
import java.util.Map;

/**
 * The answer keys of a folder of solutions: made by running a solution once (or read back from the key folder
 * when the solution has not changed), and used to grade every submission of that exercise.
 */
final class AnswerKeys {
    private final Path solutions;
    private final Path keyFolder;
    private final NotebookExecutor solutionExecutor;
    private final Map<Path, AnswerKey> made = new HashMap<>();

    AnswerKeys(Path solutions, Path keyFolder, NotebookExecutor solutionExecutor) {
        this.solutions = solutions;
        this.keyFolder = keyFolder;
        this.solutionExecutor = solutionExecutor;
    }

    /**
     * Runs the submission with {@code executor} and grades it against its exercise's key. Safe to call from
     * several threads: each key is made once (its solution runs once), the submissions run side by side.
     */
    Grader.Grade grade(Submission submission, NotebookExecutor executor) throws IOException {
        Path notebook = submission.notebook();
        Path solution = solutionOf(notebook);
        if (Files.isSameFile(notebook, solution)) { // a solution graded: its own run is its key
            NotebookRun run = executor.run(notebook);
            AnswerKey key = AnswerKey.of(solution, run);
            synchronized (this) {
                key.store(keyFolder);
                made.put(solution, key);
            }
            return Grader.grade(submission, key, run);
        }
        AnswerKey key = keyOf(solution);
        // the instructor-only checks run after the student's own cells, in a copy beside the grades
        Path graded = ExerciseGenerator.withHiddenCells(notebook, solution,
                keyFolder.resolveSibling("with-hidden-checks").resolve(submission.student()).resolve(notebook.getFileName()));
        return Grader.grade(submission, key, executor.run(graded));
    }

    /** True when {@code notebook} is a solution itself (the instructor's, trusted), not a submission. */
    boolean isSolution(Path notebook) throws IOException {
        return Files.isSameFile(notebook, solutionOf(notebook));
    }

    /** The SHA-256 of the solution a submission is graded against (a saved grade is reused only for the same). */
    String solutionSha256(Path notebook) {
        return Checksums.sha256(solutionOf(notebook));
    }

    private Path solutionOf(Path notebook) {
        Path solution = solutions.resolve(notebook.getFileName().toString());
        if (!Files.isRegularFile(solution)) {
            throw new IllegalArgumentException("no answer key for " + notebook.getFileName() + ": the grader grades a"
                    + " submission against the solution of the same name in " + solutions + "; name it like its exercise");
        }
        return solution;
    }

    private synchronized AnswerKey keyOf(Path solution) throws IOException {
        AnswerKey key = made.get(solution);
        if (key == null) {
            key = AnswerKey.stored(keyFolder, solution).orElse(null);
        }
        if (key == null) {
            key = AnswerKey.of(solution, solutionExecutor.run(solution));
            key.store(keyFolder);
        }
        made.put(solution, key);
        return key;
    }
}
