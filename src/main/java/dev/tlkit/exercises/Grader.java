package dev.tlkit.exercises;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tlkit.checks.CheckResult;
import dev.tlkit.kernel.KernelSpec;
import dev.tlkit.notebooks.NotebookExecutor;
import dev.tlkit.notebooks.NotebookFiles;
import dev.tlkit.notebooks.NotebookRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./kit grade NOTEBOOK|FOLDER [--out DIR] [--cell-timeout SECONDS] [--jobs N] [--resume]}: executes each
 * student notebook (a class: a folder of student folders, see {@link Submission}) on
 * the kit's kernel (a time limit per cell, going on after failing cells) and scores it against the answer key of
 * its exercise: the checks that the worked solution of the same name (in {@code solutions/}) shows when it runs.
 * Each key check the student's notebook passes scores its points; one that failed, or never ran because its cell
 * or an earlier one failed, looped past the time limit or did not compile, scores 0 with the reason. Grades
 * {@code --jobs} notebooks at once, saves each grade when it is known ({@link GradeStore}: {@code --resume} goes on
 * after an interruption) and writes the reports of {@link GradeReports} into the output folder.
 */
public final class Grader {
    private Grader() {
    }

    /**
     * One check of one notebook: the points it scored of those it is worth, and why not all.
     *
     * @param hidden an instructor-only check (see {@link ExerciseGenerator#HIDDEN}): students see only how many passed
     */
    public record Item(String check, int points, int maxPoints, boolean passed, String reason, boolean hidden) {
        public Item(String check, int points, int maxPoints, boolean passed, String reason) {
            this(check, points, maxPoints, passed, reason, false);
        }
    }

    /** A student's notebook's grade. */
    public record Grade(String student, Path notebook, List<Item> items, double seconds, double peakRssMb, String problem) {
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
            return String.format(Locale.ROOT, "%s/%s: %d/%d points, %d/%d checks passed (%.0f s)%s",
                    student, notebook.getFileName(), score(), maxScore(), passedChecks(), items.size(), seconds,
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
    static Grade grade(Submission submission, AnswerKey key, NotebookRun run) {
        Path notebook = submission.notebook();
        Map<String, CheckResult> shown = new LinkedHashMap<>();
        run.checks().forEach(c -> shown.putIfAbsent(c.name(), c));
        String problem = run.cellsRan() ? "" : describe(run);
        JsonArray executedCells = executedCells(run);
        List<Item> items = new ArrayList<>();
        for (AnswerKey.Item check : key.checks()) {
            CheckResult result = shown.remove(check.name());
            if (result == null) {
                // a hidden check's cell was appended to the submission: its number in the solution means nothing here
                String why = check.hidden() ? "did not run" + (run.cellsRan() ? "" : ": " + describe(run))
                        : whyMissing(check, executedCells, run);
                items.add(new Item(check.name(), 0, check.points(), false, why, check.hidden()));
            } else {
                items.add(new Item(check.name(), result.passed() ? check.points() : 0, check.points(), result.passed(),
                        result.passed() ? "" : result.message(), check.hidden()));
            }
        }
        shown.values().forEach(c -> items.add(new Item(c.name(), 0, 0, c.passed(),
                "not in the answer key of " + key.exercise() + " (a check the solution does not show scores nothing)")));
        return new Grade(submission.student(), notebook, items, run.seconds(), run.peakRssMb(), problem);
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

    /** How a class is graded: the time limit per cell, notebooks graded at once, and whether to resume. */
    public record Options(Duration cellTimeout, int jobs, boolean resume, boolean sandboxed) {
        public Options {
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
            }
        }

        /** The cores each of the {@code jobs} kernels may compute on, so that side by side they do not oversubscribe. */
        public int threadsPerJob() {
            return Math.max(1, Runtime.getRuntime().availableProcessors() / jobs);
        }

        /** One at a time, from scratch, in the sandbox. */
        public static Options of(Duration cellTimeout) {
            return new Options(cellTimeout, 1, false, true);
        }
    }

    /** Grades the notebooks under {@code targets} one at a time, from scratch (see the other gradeAll). */
    public static List<Grade> gradeAll(List<Path> targets, Path solutions, Path out, Duration cellTimeout,
                                       Path jupyterPath) throws IOException {
        return gradeAll(Submission.in(targets), solutions, out, Options.of(cellTimeout), jupyterPath);
    }

    /**
     * Grades every submission against the answer keys of the solutions in {@code solutions} (same file name),
     * {@code options.jobs()} at a time; each grade is saved as soon as it is known, so an interrupted run resumes
     * ({@code options.resume()}) with the submissions it had not graded. Writes the reports ({@link GradeReports}).
     */
    public static List<Grade> gradeAll(List<Submission> submissions, Path solutions, Path out, Options options,
                                       Path jupyterPath) throws IOException {
        Sandbox sandbox = null;
        if (options.sandboxed()) {
            if (!Sandbox.unavailable().isEmpty()) {
                throw new IOException("cannot grade in a sandbox: " + Sandbox.unavailable()
                        + "; or grade trusted notebooks with --no-sandbox");
            }
            List<Path> hidden = new ArrayList<>(List.of(out, solutions));
            submissions.forEach(s -> hidden.add(s.notebook().getParent()));
            sandbox = Sandbox.hiding(hidden.stream().distinct().toList());
        }
        // the solutions are the instructor's own code: they run outside the sandbox, and fill the kit's caches
        // (e.g. the speech clips) that the sandboxed submissions then read
        AnswerKeys keys = new AnswerKeys(solutions, out.resolve("keys"), NotebookExecutor.writingTo(out.resolve("solutions"))
                .withCellTimeout(options.cellTimeout()).withJupyterPath(jupyterPath).withThreads(options.threadsPerJob()));
        GradeStore store = new GradeStore(out.resolve("results"), options.cellTimeout());
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs());
        try {
            List<Future<Grade>> futures = new ArrayList<>();
            for (Submission submission : submissions) {
                Sandbox confinement = sandbox;
                futures.add(pool.submit(() -> gradeOne(submission, keys, store, options, out, jupyterPath, confinement)));
            }
            List<Grade> grades = new ArrayList<>();
            for (Future<Grade> future : futures) {
                grades.add(future.get());
            }
            GradeReports.write(grades, out);
            return grades;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("grading was interrupted; run it again with --resume to go on", e);
        } catch (ExecutionException e) {
            throw new IOException("grading failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Grade gradeOne(Submission submission, AnswerKeys keys, GradeStore store, Options options, Path out,
                                  Path jupyterPath, Sandbox sandbox) throws IOException {
        Grade grade;
        boolean before = false;
        try {
            String solution = keys.solutionSha256(submission.notebook());
            grade = options.resume() ? store.previous(submission, solution).orElse(null) : null;
            before = grade != null;
            if (grade == null) {
                NotebookExecutor executor = NotebookExecutor.writingTo(out.resolve("executed").resolve(submission.student()))
                        .withCellTimeout(options.cellTimeout()).keepGoingAfterErrors().withJupyterPath(jupyterPath)
                        .withThreads(options.threadsPerJob());
                executor = sandbox == null || keys.isSolution(submission.notebook()) ? executor : executor.confinedBy(sandbox);
                grade = keys.grade(submission, executor);
                store.save(submission, solution, grade);
            }
        } catch (RuntimeException | IOException e) {
            grade = new Grade(submission.student(), submission.notebook(),
                    List.of(new Item("the notebook runs", 0, 1, false, e.getMessage())), 0, 0,
                    "could not be graded: " + e.getMessage());
        }
        print(grade, before);
        return grade;
    }

    private static synchronized void print(Grade grade, boolean before) {
        System.out.println(grade.summary() + (before ? " (graded before: --resume)" : ""));
        grade.items().forEach(i -> System.out.println("  " + (i.passed() ? "PASS " : "FAIL ") + i.check()
                + " [" + i.points() + "/" + i.maxPoints() + "]" + (i.reason().isEmpty() ? "" : ": " + i.reason())));
    }

    public static void main(String[] args) throws IOException {
        List<Path> targets = new ArrayList<>();
        Path out = Path.of("target", "grades");
        Duration timeout = Duration.ofSeconds(120);   // a first run synthesises the speech clips in one cell
        int jobs = 1;
        boolean resume = false;
        boolean sandboxed = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--cell-timeout" -> timeout = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--resume" -> resume = true;
                case "--no-sandbox" -> sandboxed = false;
                default -> targets.add(Path.of(args[i]));
            }
        }
        if (targets.isEmpty()) {
            System.err.println("usage: ./kit grade NOTEBOOK|FOLDER... [--out DIR] [--cell-timeout SECONDS] [--jobs N] [--resume] [--no-sandbox]");
            System.exit(2);
        }
        Path project = Path.of(System.getProperty("kit.project.dir", "."));
        List<Grade> grades = gradeAll(Submission.in(targets), project.resolve("solutions"), out,
                new Options(timeout, jobs, resume, sandboxed), KernelSpec.projectJupyterPath(project));
        long total = grades.stream().mapToLong(Grade::maxScore).sum();
        long scored = grades.stream().mapToLong(Grade::score).sum();
        System.out.printf(Locale.ROOT, "graded %d notebook(s): %d/%d points; wrote %s, %s, %s and feedback/, gradescope/%n",
                grades.size(), scored, total, out.resolve("grades.md"), out.resolve("grades.xml"),
                out.resolve("gradebook.csv"));
    }
}
