package dev.tlkit.exercises;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.tlkit.checks.CheckResult;
import dev.tlkit.data.AtomicFiles;
import dev.tlkit.data.Checksums;
import dev.tlkit.notebooks.NotebookRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an exercise is graded against: the checks its worked solution shows when it runs (name, points, the
 * cell that shows it), with the SHA-256 of the solution it came from. Made by running the solution once; kept
 * next to the grades and made again only when the solution changes.
 */
public record AnswerKey(String exercise, String solutionSha256, List<Item> checks) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** One check of the solution; {@code hidden} if its cell is instructor-only ({@link ExerciseGenerator#HIDDEN}). */
    public record Item(String name, int points, int cell, boolean hidden) {
    }

    public AnswerKey {
        checks = List.copyOf(checks);
    }

    /** The key of a solution's run: every check it showed, which must all have passed. */
    public static AnswerKey of(Path solution, NotebookRun run) throws IOException {
        java.util.Set<Integer> hiddenCells = ExerciseGenerator.hiddenCells(solution);
        if (!run.passed()) {
            throw new IllegalStateException("the solution " + solution.getFileName() + " does not pass its own checks, so"
                    + " it cannot be an answer key: " + String.join("; ", run.problems()));
        }
        List<Item> items = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < run.checks().size(); i++) {
            CheckResult check = run.checks().get(i);
            if (names.contains(check.name())) {
                throw new IllegalStateException(solution.getFileName() + " shows the check '" + check.name() + "' twice:"
                        + " every check of an exercise needs a name of its own");
            }
            names.add(check.name());
            int cell = run.checkCells().get(i);
            items.add(new Item(check.name(), check.points(), cell, hiddenCells.contains(cell)));
        }
        return new AnswerKey(solution.getFileName().toString(), Checksums.sha256(solution), items);
    }

    public int maxPoints() {
        return checks.stream().mapToInt(Item::points).sum();
    }

    /** The key stored in {@code folder} for {@code solution}, if it was made from this very solution. */
    static Optional<AnswerKey> stored(Path folder, Path solution) throws IOException {
        Path file = file(folder, solution);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        AnswerKey key = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), AnswerKey.class);
        return key.solutionSha256().equals(Checksums.sha256(solution)) ? Optional.of(key) : Optional.empty();
    }

    /** Writes the key into {@code folder} (atomically). */
    void store(Path folder) throws IOException {
        AtomicFiles.writeString(folder.resolve(exercise + ".key.json"), GSON.toJson(this));
    }

    private static Path file(Path folder, Path solution) {
        return folder.resolve(solution.getFileName() + ".key.json");
    }
}
