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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./kit grade NOTEBOOK|FOLDER [--out DIR] [--cell-timeout SECONDS]}: executes each student
 * notebook on the kit's kernel (a time limit per cell, going on after failing cells) and scores it by
 * its check cells: every check the notebook's source declares must print {@code CHECK PASS}. A check
 * that failed, or never ran because its cell or an earlier one failed, looped past the time limit or
 * did not compile, scores 0 with the reason. Writes {@code grades.md} and {@code grades.xml} (JUnit XML,
 * for CI and learning-management systems) into the output folder and prints the same.
 */
public final class Grader {
    private static final Pattern DECLARED = Pattern.compile(
            "Check\\s*\\.\\s*(?:that|passes|atLeast|atMost|between|equal)\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Grader() {
    }

    /** One check of one notebook: passed or not, and why. */
    public record Item(String check, boolean passed, String reason) {
    }

    /** A notebook's grade. */
    public record Grade(Path notebook, List<Item> items, double seconds, String problem) {
        public long score() {
            return items.stream().filter(Item::passed).count();
        }

        public String summary() {
            return String.format(Locale.ROOT, "%s: %d/%d checks passed (%.0f s)%s", notebook.getFileName(), score(),
                    items.size(), seconds, problem.isEmpty() ? "" : " - " + problem);
        }
    }

    /** A check the notebook's source declares, and the (1-based) cell it is in. */
    record Declared(String name, int cell) {
    }

    /** The checks the notebook's code cells declare, in order. */
    static List<Declared> declaredChecks(Path notebook) throws IOException {
        JsonArray cells = NotebookFiles.cells(notebook);
        List<Declared> declared = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            JsonObject c = cells.get(i).getAsJsonObject();
            if (!c.get("cell_type").getAsString().equals("code")) {
                continue;
            }
            Matcher m = DECLARED.matcher(NotebookFiles.source(c));
            while (m.find()) {
                declared.add(new Declared(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"), i + 1));
            }
        }
        return declared;
    }

    /** Why a declared check printed nothing: its cell's error in the executed notebook, else the run's first problem. */
    private static String whyMissing(Declared check, JsonArray executedCells, NotebookRun run) {
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

    /** Scores an executed notebook against the checks its source declares. */
    static Grade grade(Path notebook, List<Declared> declared, NotebookRun run) {
        Map<String, CheckResult> printed = new LinkedHashMap<>();
        run.checks().forEach(c -> printed.putIfAbsent(c.name(), c));
        String problem = run.cellsRan() ? "" : describe(run);
        JsonArray executedCells = executedCells(run);
        List<Item> items = new ArrayList<>();
        for (Declared check : declared) {
            String name = check.name();
            CheckResult result = printed.remove(name);
            if (result == null) {
                items.add(new Item(name, false, whyMissing(check, executedCells, run)));
            } else {
                items.add(new Item(name, result.passed(), result.passed() ? "" : result.message()));
            }
        }
        printed.values().forEach(c -> items.add(new Item(c.name(), c.passed(), c.passed() ? "" : c.message())));
        if (items.isEmpty()) {
            items.add(new Item("the notebook has checks", false, "no Check.* call found in " + notebook.getFileName()));
        }
        return new Grade(notebook, items, run.seconds(), problem);
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
            case "timeout" -> "cell " + run.failedCell() + " ran past the time limit" + first;
            case "dead" -> "the kernel died in cell " + run.failedCell() + first;
            default -> "cell " + run.failedCell() + " failed" + first;
        };
    }

    /** Grades every notebook in {@code targets} (files or folders); writes grades.md and grades.xml into {@code out}. */
    public static List<Grade> gradeAll(List<Path> targets, Path out, Duration cellTimeout, Path jupyterPath) throws IOException {
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
        List<Grade> grades = new ArrayList<>();
        for (Path notebook : notebooks) {
            Grade grade;
            try {
                grade = grade(notebook, declaredChecks(notebook), executor.run(notebook));
            } catch (RuntimeException | IOException e) {
                grade = new Grade(notebook, List.of(new Item("the notebook runs", false, e.getMessage())), 0,
                        "could not be executed: " + e.getMessage());
            }
            System.out.println(grade.summary());
            grade.items().forEach(i -> System.out.println("  " + (i.passed() ? "PASS " : "FAIL ") + i.check()
                    + (i.reason().isEmpty() ? "" : ": " + i.reason())));
            grades.add(grade);
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("grades.md"), markdown(grades), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("grades.xml"), junitXml(grades), StandardCharsets.UTF_8);
        return grades;
    }

    static String markdown(List<Grade> grades) {
        StringBuilder md = new StringBuilder("# Grades\n\n| notebook | score | time |\n|---|---|---|\n");
        for (Grade g : grades) {
            md.append(String.format(Locale.ROOT, "| %s | %d/%d | %.0f s |%n", g.notebook().getFileName(), g.score(),
                    g.items().size(), g.seconds()));
        }
        for (Grade g : grades) {
            md.append("\n## ").append(g.notebook().getFileName()).append("\n\n");
            if (!g.problem().isEmpty()) {
                md.append("Problem: ").append(g.problem()).append("\n\n");
            }
            for (Item i : g.items()) {
                md.append("- ").append(i.passed() ? "PASS " : "FAIL ").append(i.check())
                        .append(i.reason().isEmpty() ? "" : " — " + i.reason()).append('\n');
            }
        }
        return md.toString();
    }

    static String junitXml(List<Grade> grades) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        for (Grade g : grades) {
            xml.append(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"%.1f\">%n",
                    NotebookFiles.escapeMarkup(g.notebook().getFileName().toString()), g.items().size(), g.items().size() - g.score(), g.seconds()));
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
        List<Grade> grades = gradeAll(targets, out, timeout, KernelSpec.projectJupyterPath(project));
        long total = grades.stream().mapToLong(g -> g.items().size()).sum();
        long passed = grades.stream().mapToLong(Grade::score).sum();
        System.out.printf(Locale.ROOT, "graded %d notebook(s): %d/%d checks passed; wrote %s and %s%n", grades.size(),
                passed, total, out.resolve("grades.md"), out.resolve("grades.xml"));
    }
}
