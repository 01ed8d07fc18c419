package dev.tlkit.exercises;

import dev.tlkit.notebooks.NotebookExecutor;
import dev.tlkit.notebooks.NotebookRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Runs {@code notebook} with {@code executor} and grades it against its exercise's key. */
    Grader.Grade grade(Path notebook, NotebookExecutor executor) throws IOException {
        Path solution = solutionOf(notebook);
        if (Files.isSameFile(notebook, solution)) { // a solution graded: its own run is its key
            NotebookRun run = executor.run(notebook);
            AnswerKey key = AnswerKey.of(solution, run);
            key.store(keyFolder);
            made.put(solution, key);
            return Grader.grade(notebook, key, run);
        }
        AnswerKey key = keyOf(solution);
        return Grader.grade(notebook, key, executor.run(notebook));
    }

    private Path solutionOf(Path notebook) {
        Path solution = solutions.resolve(notebook.getFileName().toString());
        if (!Files.isRegularFile(solution)) {
            throw new IllegalArgumentException("no answer key for " + notebook.getFileName() + ": the grader grades a"
                    + " submission against the solution of the same name in " + solutions + "; name it like its exercise");
        }
        return solution;
    }

    private AnswerKey keyOf(Path solution) throws IOException {
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
