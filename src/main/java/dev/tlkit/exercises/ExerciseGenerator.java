package dev.tlkit.exercises;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.tlkit.data.AtomicFiles;
import dev.tlkit.notebooks.NotebookFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the student version of each worked solution: {@code solutions/NN-name.ipynb} becomes
 * {@code exercises/NN-name.ipynb} with every marked block replaced by a stub that compiles, and all
 * outputs cleared. One source per exercise, so the two versions cannot drift. In a solution cell:
 * <pre>{@code
 * // BEGIN SOLUTION
 * return 100 * (withSource - scratch);
 * // STUB: return 0;
 * // END SOLUTION
 * }</pre>
 * becomes {@code // TODO: your code here} followed by {@code return 0;}. A code cell whose first line is
 * {@value #HIDDEN} holds instructor-only checks (nbgrader's hidden tests): it is left out of the exercise, and the
 * grader runs it after the student's own cells ({@link #withHiddenCells}). Run with
 * {@code ./kit exercises} (writes) or {@code ./kit exercises --check} (fails when exercises/ is stale).
 */
public final class ExerciseGenerator {
    static final String BEGIN = "// BEGIN SOLUTION";
    static final String END = "// END SOLUTION";
    static final String STUB = "// STUB:";
    /** The first line of a cell of instructor-only checks. */
    public static final String HIDDEN = "// HIDDEN CHECKS";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private ExerciseGenerator() {
    }

    /** The exercise version of one cell's source. */
    static String stubbed(String source, String where) {
        List<String> out = new ArrayList<>();
        boolean inside = false;
        int beginLine = 0;
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.equals(BEGIN)) {
                if (inside) {
                    throw new IllegalArgumentException(where + ", line " + (i + 1) + ": BEGIN SOLUTION inside another block");
                }
                inside = true;
                beginLine = i + 1;
                out.add(line.substring(0, line.indexOf(BEGIN)) + "// TODO: your code here");
            } else if (trimmed.equals(END)) {
                if (!inside) {
                    throw new IllegalArgumentException(where + ", line " + (i + 1) + ": END SOLUTION without BEGIN");
                }
                inside = false;
            } else if (inside && trimmed.startsWith(STUB)) {
                out.add(line.substring(0, line.indexOf(STUB)) + trimmed.substring(STUB.length()).strip());
            } else if (!inside) {
                out.add(line);
            }
        }
        if (inside) {
            throw new IllegalArgumentException(where + ", line " + beginLine + ": BEGIN SOLUTION is never closed");
        }
        return String.join("\n", out);
    }

    /** The exercise notebook for a solution notebook: marked blocks stubbed, outputs and counts cleared. */
    public static String exercise(String solutionJson, String name) {
        JsonObject notebook = JsonParser.parseString(solutionJson).getAsJsonObject();
        int blocks = 0;
        JsonArray cells = notebook.getAsJsonArray("cells");
        for (int c = cells.size() - 1; c >= 0; c--) {
            if (isHidden(cells.get(c).getAsJsonObject())) {
                cells.remove(c);
            }
        }
        for (int c = 0; c < cells.size(); c++) {
            JsonObject cell = cells.get(c).getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) {
                continue;
            }
            String source = NotebookFiles.source(cell);
            if (source.contains(BEGIN)) {
                blocks++;
                source = stubbed(source, name + ", cell " + (c + 1));
            }
            JsonArray lines = new JsonArray();
            for (String line : source.split("(?<=\n)")) {
                if (!line.isEmpty()) {
                    lines.add(new JsonPrimitive(line));
                }
            }
            cell.add("source", lines);
            cell.add("outputs", new JsonArray());
            cell.add("execution_count", null);
            cell.add("metadata", new JsonObject());
        }
        if (blocks == 0) {
            throw new IllegalArgumentException(name + " has no " + BEGIN + " block: nothing for the student to write");
        }
        return GSON.toJson(notebook) + "\n";
    }

    private static boolean isHidden(JsonObject cell) {
        return cell.get("cell_type").getAsString().equals("code") && NotebookFiles.source(cell).strip().startsWith(HIDDEN);
    }

    /** The 1-based numbers of a solution's hidden-check cells. */
    static Set<Integer> hiddenCells(Path solution) throws IOException {
        JsonArray cells = NotebookFiles.cells(solution);
        Set<Integer> hidden = new TreeSet<>();
        for (int c = 0; c < cells.size(); c++) {
            if (isHidden(cells.get(c).getAsJsonObject())) {
                hidden.add(c + 1);
            }
        }
        return hidden;
    }

    /**
     * The submission with the solution's hidden-check cells appended (outputs cleared), written to {@code target};
     * returns {@code submission} itself when the solution has none.
     */
    static Path withHiddenCells(Path submission, Path solution, Path target) throws IOException {
        JsonArray solutionCells = NotebookFiles.cells(solution);
        JsonObject notebook = JsonParser.parseString(Files.readString(submission, StandardCharsets.UTF_8)).getAsJsonObject();
        JsonArray cells = notebook.getAsJsonArray("cells");
        int added = 0;
        for (var element : solutionCells) {
            JsonObject cell = element.getAsJsonObject();
            if (isHidden(cell)) {
                JsonObject copy = cell.deepCopy();
                copy.add("outputs", new JsonArray());
                copy.add("execution_count", null);
                cells.add(copy);
                added++;
            }
        }
        if (added == 0) {
            return submission;
        }
        AtomicFiles.writeString(target, GSON.toJson(notebook) + "\n");
        return target;
    }

    /** Writes (or, with {@code check}, compares) every exercise; returns the names that were stale. */
    public static List<String> generate(Path solutions, Path exercises, boolean check) throws IOException {
        List<Path> files = NotebookFiles.in(solutions);
        List<String> stale = new ArrayList<>();
        Files.createDirectories(exercises);
        for (Path solution : files) {
            String name = solution.getFileName().toString();
            String expected = exercise(Files.readString(solution, StandardCharsets.UTF_8), name);
            Path target = exercises.resolve(name);
            boolean same = Files.exists(target) && Files.readString(target, StandardCharsets.UTF_8).equals(expected);
            if (!same) {
                stale.add(name);
                if (!check) {
                    Files.writeString(target, expected, StandardCharsets.UTF_8);
                }
            }
        }
        for (Path orphan : NotebookFiles.in(exercises)) {
            if (!Files.exists(solutions.resolve(orphan.getFileName()))) {
                stale.add(orphan.getFileName() + " (no solution)");
                if (!check) {
                    Files.delete(orphan);
                }
            }
        }
        return stale;
    }

    public static void main(String[] args) throws IOException {
        boolean check = args.length == 1 && args[0].equals("--check");
        Path project = Path.of(System.getProperty("kit.project.dir", "."));
        List<String> stale = generate(project.resolve("solutions"), project.resolve("exercises"), check);
        if (check) {
            System.out.println(stale.isEmpty() ? "exercises/ is up to date"
                    : "exercises/ is stale, run ./kit exercises: " + stale);
            System.exit(stale.isEmpty() ? 0 : 1);
        }
        System.out.println(stale.isEmpty() ? "exercises/ was already up to date" : "wrote exercises/" + stale);
    }
}
