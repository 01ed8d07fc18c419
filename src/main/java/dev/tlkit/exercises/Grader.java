package dev.tlkit.exercises;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tlkit.checks.CheckResult;
import dev.tlkit.kernel.KernelSpec;
import dev.tlkit.notebooks.NotebookExecutor;
import dev.tlkit.notebooks.NotebookFiles;
import dev.tlkit.notebooks.NotebookRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./kit grade NOTEBOOK|FOLDER [--out DIR] [--cell-timeout SECONDS]}: executes each student notebook on
 * the kit's kernel (a time limit per cell, going on after failing cells) and scores it against the answer key of
 * its exercise: the checks that the worked solution of the same name (in {@code solutions/}) shows when it runs.
 * Each key check the student's notebook passes scores its points; one that failed, or never ran because its cell
 * or an earlier one failed, looped past the time limit or did not compile, scores 0 with the reason. Writes
 * {@code grades.md} and {@code grades.xml} (JUnit XML, for CI and learning-management systems) into the output
 * folder and prints the same.
 */
public final class Grader {
    private Grader() {
    }

    /** One check of one notebook: the points it scored of those it is worth, and why not all. */
    public record Item(String check, int points, int maxPoints, boolean passed, String reason) {
    }

    /** A notebook's grade. */
    public record Grade(Path notebook, List<Item> items, double seconds, double peakRssMb, String problem) {
        public int score() {
            return items.stream().mapToInt(Item::points).sum();
        }

        public int maxScore() {
            return items.stream().mapToInt(Item::maxPoints).sum();
        }

        public long passedChecks() {
            return items.stream().filter(Item::passed).count();
        }

        public String summary() {
            return String.format(Locale.ROOT, "%s: %d/%d points, %d/%d checks passed (%.0f s)%s",
                    notebook.getFileName(), score(), maxScore(), passedChecks(), items.size(), seconds,
                    problem.isEmpty() ? "" : " - " + problem);
        }
    }

    /** Why a key check showed nothing: its cell's error in the executed notebook, else the run's first problem. */
    private static String whyMissing(AnswerKey.Item check, JsonArray executedCells, NotebookRun run) {
        try {
            JsonObject cell = executedCells.get(check.cell() - 1).getAsJsonObject();
            for (var output : cell.getAsJsonArray("outputs")) {
                JsonObject o = output.getAsJsonObject();
                if (o.get("output_type").getAsString().equals("error")) {
                    String value = o.get("evalue").getAsString().lines().findFirst().orElse("");
                    String ename = o.get("ename").getAsString();
                    String hint = (ename + " " + value).toLowerCase(Locale.ROOT).contains("interrupted")
                            ? " (it ran past the time limit per cell and was stopped: look for a loop that never ends)" : "";
                    return "did not run: cell " + check.cell() + " stopped with " + ename
                            + (value.isEmpty() ? "" : ": " + value) + hint;
                }
            }
        } catch (RuntimeException e) {
            // no such cell in the executed notebook: fall through to the run's first problem
        }
        return "did not run" + (run.cellsRan() ? "" : ": " + describe(run));
    }

    /** Scores an executed notebook against its answer key; checks beyond the key score nothing but are listed. */
    static Grade grade(Path notebook, AnswerKey key, NotebookRun run) {
        Map<String, CheckResult> shown = new LinkedHashMap<>();
        run.checks().forEach(c -> shown.putIfAbsent(c.name(), c));
        String problem = run.cellsRan() ? "" : describe(run);
        JsonArray executedCells = executedCells(run);
        List<Item> items = new ArrayList<>();
        for (AnswerKey.Item check : key.checks()) {
            CheckResult result = shown.remove(check.name());
            if (result == null) {
                items.add(new Item(check.name(), 0, check.points(), false, whyMissing(check, executedCells, run)));
            } else {
                items.add(new Item(check.name(), result.passed() ? check.points() : 0, check.points(), result.passed(),
                        result.passed() ? "" : result.message()));
            }
        }
        shown.values().forEach(c -> items.add(new Item(c.name(), 0, 0, c.passed(),
                "not in the answer key of " + key.exercise() + " (a check the solution does not show scores nothing)")));
        return new Grade(notebook, items, run.seconds(), run.peakRssMb(), problem);
    }

    private static JsonArray executedCells(NotebookRun run) {
        try {
            return NotebookFiles.cells(run.executed());
        } catch (IOException | RuntimeException e) {
            return new JsonArray();   // nothing was written: every missing check gets the run's problem
        }
    }

    private static String describe(NotebookRun run) {
        String first = run.error() == null || run.error().isBlank() ? "" : ": " + run.error().lines().findFirst().orElse("");
        return switch (run.status()) {
            case "timeout" -> run.failedCell() > 0 ? "cell " + run.failedCell() + " ran past the time limit" + first
                    : run.error();
            case "dead" -> "the kernel died in cell " + run.failedCell() + first;
            default -> "cell " + run.failedCell() + " failed" + first;
        };
    }

    /**
     * Grades every notebook in {@code targets} (files or folders) against the answer keys of the solutions in
     * {@code solutions} (same file name); writes grades.md and grades.xml into {@code out}.
     */
    public static List<Grade> gradeAll(List<Path> targets, Path solutions, Path out, Duration cellTimeout,
                                       Path jupyterPath) throws IOException {
        List<Path> notebooks = new ArrayList<>();
        for (Path target : targets) {
            if (Files.isDirectory(target)) {
                notebooks.addAll(NotebookFiles.in(target));
            } else {
                notebooks.add(target);
            }
        }
        NotebookExecutor executor = NotebookExecutor.writingTo(out.resolve("executed")).withCellTimeout(cellTimeout)
                .keepGoingAfterErrors().withJupyterPath(jupyterPath);
        AnswerKeys keys = new AnswerKeys(solutions, out.resolve("keys"),
                NotebookExecutor.writingTo(out.resolve("solutions")).withCellTimeout(cellTimeout)
                        .withJupyterPath(jupyterPath));
        List<Grade> grades = new ArrayList<>();
        for (Path notebook : notebooks) {
            Grade grade;
            try {
                grade = keys.grade(notebook, executor);
            } catch (RuntimeException | IOException e) {
                grade = new Grade(notebook, List.of(new Item("the notebook runs", 0, 1, false, e.getMessage())), 0, 0,
                        "could not be graded: " + e.getMessage());
            }
            System.out.println(grade.summary());
            grade.items().forEach(i -> System.out.println("  " + (i.passed() ? "PASS " : "FAIL ") + i.check()
                    + " [" + i.points() + "/" + i.maxPoints() + "]" + (i.reason().isEmpty() ? "" : ": " + i.reason())));
            grades.add(grade);
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("grades.md"), markdown(grades), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("grades.xml"), junitXml(grades), StandardCharsets.UTF_8);
        return grades;
    }

    static String markdown(List<Grade> grades) {
        StringBuilder md = new StringBuilder("# Grades\n\n| notebook | points | checks passed | time |\n|---|---|---|---|\n");
        for (Grade g : grades) {
            md.append(String.format(Locale.ROOT, "| %s | %d/%d | %d/%d | %.0f s |%n", g.notebook().getFileName(), g.score(),
                    g.maxScore(), g.passedChecks(), g.items().size(), g.seconds()));
        }
        for (Grade g : grades) {
            md.append("\n## ").append(g.notebook().getFileName()).append("\n\n");
            if (!g.problem().isEmpty()) {
                md.append("Problem: ").append(g.problem()).append("\n\n");
            }
            for (Item i : g.items()) {
                md.append("- ").append(i.passed() ? "PASS " : "FAIL ").append(i.check()).append(" (")
                        .append(i.points()).append('/').append(i.maxPoints()).append(')')
                        .append(i.reason().isEmpty() ? "" : " — " + i.reason()).append('\n');
            }
        }
        return md.toString();
    }

    static String junitXml(List<Grade> grades) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        for (Grade g : grades) {
            xml.append(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"%.1f\">%n",
                    NotebookFiles.escapeMarkup(g.notebook().getFileName().toString()), g.items().size(), g.items().size() - g.passedChecks(), g.seconds()));
            for (Item i : g.items()) {
                xml.append("    <testcase classname=\"").append(NotebookFiles.escapeMarkup(g.notebook().getFileName().toString()))
                        .append("\" name=\"").append(NotebookFiles.escapeMarkup(i.check())).append('"');
                if (i.passed()) {
                    xml.append("/>\n");
                } else {
                    xml.append("><failure message=\"").append(NotebookFiles.escapeMarkup(i.reason())).append("\"/></testcase>\n");
                }
            }
            xml.append("  </testsuite>\n");
        }
        return xml.append("</testsuites>\n").toString();
    }

    public static void main(String[] args) throws IOException {
        List<Path> targets = new ArrayList<>();
        Path out = Path.of("target", "grades");
        Duration timeout = Duration.ofSeconds(60);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--cell-timeout" -> timeout = Duration.ofSeconds(Long.parseLong(args[++i]));
                default -> targets.add(Path.of(args[i]));
            }
        }
        if (targets.isEmpty()) {
            System.err.println("usage: ./kit grade NOTEBOOK|FOLDER... [--out DIR] [--cell-timeout SECONDS]");
            System.exit(2);
        }
        Path project = Path.of(System.getProperty("kit.project.dir", "."));
        List<Grade> grades = gradeAll(targets, project.resolve("solutions"), out, timeout,
                KernelSpec.projectJupyterPath(project));
        long total = grades.stream().mapToLong(Grade::maxScore).sum();
        long scored = grades.stream().mapToLong(Grade::score).sum();
        System.out.printf(Locale.ROOT, "graded %d notebook(s): %d/%d points; wrote %s and %s%n", grades.size(),
                scored, total, out.resolve("grades.md"), out.resolve("grades.xml"));
    }
}
