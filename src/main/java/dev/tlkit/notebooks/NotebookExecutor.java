package dev.tlkit.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tlkit.checks.CheckResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Executes a notebook through real Jupyter (Debian's nbclient, driven by the kit's
 * {@code run_notebook.py}) on the kit's kernel, and reads back what happened: errors per cell,
 * check lines, time and peak memory of the kernel process.
 */
public final class NotebookExecutor {
    private static final PythonScript DRIVER = PythonScript.of("/dev/tlkit/notebooks/run_notebook.py");

    private final Path outputDir;
    private final Duration cellTimeout;
    private final boolean keepGoing;
    private final boolean html;
    private final Path jupyterPath;
    private final Duration notebookTimeout;
    private final ProcessConfinement confinement;
    private final int threads;

    private NotebookExecutor(Path outputDir, Duration cellTimeout, boolean keepGoing, boolean html, Path jupyterPath,
                             Duration notebookTimeout, ProcessConfinement confinement, int threads) {
        this.outputDir = outputDir;
        this.cellTimeout = cellTimeout;
        this.keepGoing = keepGoing;
        this.html = html;
        this.jupyterPath = jupyterPath;
        this.notebookTimeout = notebookTimeout;
        this.confinement = confinement;
        this.threads = threads;
    }

    /** Writes executed notebooks to {@code outputDir}; stops at the first failing cell; 10 minutes per cell. */
    public static NotebookExecutor writingTo(Path outputDir) {
        return new NotebookExecutor(outputDir, Duration.ofMinutes(10), false, false, null, null, null, 0);
    }

    /** A limit per cell: a cell that runs longer is interrupted and fails. */
    public NotebookExecutor withCellTimeout(Duration timeout) {
        return new NotebookExecutor(outputDir, timeout, keepGoing, html, jupyterPath, notebookTimeout, confinement, threads);
    }

    /**
     * A limit for the whole notebook: past it the run is stopped (the kernel too) and reported with status
     * "timeout". Without one, the limit is the cell limit times the number of cells.
     */
    public NotebookExecutor withNotebookTimeout(Duration timeout) {
        return new NotebookExecutor(outputDir, cellTimeout, keepGoing, html, jupyterPath, timeout, confinement, threads);
    }

    /** Runs every cell even after one fails (as a grader does, so every check gets its say). */
    public NotebookExecutor keepGoingAfterErrors() {
        return new NotebookExecutor(outputDir, cellTimeout, true, html, jupyterPath, notebookTimeout, confinement, threads);
    }

    /** Also writes an HTML export next to the executed notebook. */
    public NotebookExecutor withHtml() {
        return new NotebookExecutor(outputDir, cellTimeout, keepGoing, true, jupyterPath, notebookTimeout, confinement, threads);
    }

    /** Looks for kernels in {@code dir/kernels} first (Jupyter's JUPYTER_PATH). */
    public NotebookExecutor withJupyterPath(Path dir) {
        return new NotebookExecutor(outputDir, cellTimeout, keepGoing, html, dir, notebookTimeout, confinement, threads);
    }

    /**
     * Caps the kernel's compute threads (OpenMP, which PyTorch's CPU kernels use): several notebooks run side by side
     * on few cores slow each other down many times over when each uses every core.
     */
    public NotebookExecutor withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        return new NotebookExecutor(outputDir, cellTimeout, keepGoing, html, jupyterPath, notebookTimeout, confinement, n);
    }

    /** Runs each notebook confined (a grader's sandbox: see {@link ProcessConfinement}). */
    public NotebookExecutor confinedBy(ProcessConfinement confinement) {
        return new NotebookExecutor(outputDir, cellTimeout, keepGoing, html, jupyterPath, notebookTimeout, confinement, threads);
    }

    public NotebookRun run(Path notebook) {
        try {
            Files.createDirectories(outputDir);
            String name = NotebookFiles.name(notebook);
            Path executed = outputDir.resolve(name + ".ipynb");
            Path result = outputDir.resolve(name + ".result.json");
            Files.deleteIfExists(result);
            List<String> command = new ArrayList<>(DRIVER.command(List.of(notebook.toString(),
                    "--output", executed.toString(), "--result", result.toString(),
                    "--cell-timeout", String.valueOf(cellTimeout.toSeconds()))));
            if (keepGoing) {
                command.add("--allow-errors");
            }
            if (html) {
                command.addAll(List.of("--html", outputDir.resolve(name + ".html").toString()));
            }
            List<Path> readable = new ArrayList<>(List.of(notebook.toAbsolutePath()));
            command.stream().filter(a -> a.startsWith("/")).map(Path::of).filter(Files::exists).forEach(readable::add);
            if (jupyterPath != null) {
                readable.add(jupyterPath.toAbsolutePath());
            }
            try (ProcessConfinement.Confined confined = confinement == null ? null
                    : confinement.confine(command, readable, outputDir.toAbsolutePath())) {
                NotebookRun run = start(notebook, confined == null ? command : confined.command(), name, executed, result);
                String hit = confined == null ? "" : confined.limitHit();
                return hit.isEmpty() ? run : new NotebookRun(run.notebook(), run.executed(), run.status(), run.failedCell(),
                        "the notebook hit " + hit + (run.error().isBlank() ? "" : "; " + run.error()), run.errorCells(),
                        run.checks(), run.checkCells(), run.seconds(), run.peakRssMb());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not execute " + notebook, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while executing " + notebook, e);
        }
    }

    private NotebookRun start(Path notebook, List<String> command, String name, Path executed, Path result)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(outputDir.resolve(name + ".log").toFile());
        if (jupyterPath != null) {
            builder.environment().put("JUPYTER_PATH", jupyterPath.toAbsolutePath().toString());
        }
        if (threads > 0) {
            builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        }
        Process process = builder.start();
        long limitSeconds = notebookTimeout != null ? notebookTimeout.toSeconds()
                : cellTimeout.toSeconds() * Math.max(1, NotebookFiles.cells(notebook).size()) + 120;
        if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);   // the kernel, not only the driver
            process.destroyForcibly();
            process.waitFor();
            return new NotebookRun(notebook, executed, "timeout", 0, "the notebook ran past its limit of "
                    + limitSeconds + " s and was stopped", List.of(), List.of(), List.of(), limitSeconds, 0);
        }
        if (!Files.exists(result)) {
            throw new IllegalStateException("executing " + notebook + " failed before it produced a result;"
                    + " see " + outputDir.resolve(name + ".log") + ":\n" + tail(outputDir.resolve(name + ".log")));
        }
        return read(notebook, executed, result);
    }

    private static NotebookRun read(Path notebook, Path executed, Path resultFile) throws IOException {
        JsonObject result = JsonParser.parseString(Files.readString(resultFile)).getAsJsonObject();
        String status = result.get("status").getAsString();
        int failedCell = result.get("failed_cell").isJsonNull() ? 0 : result.get("failed_cell").getAsInt();
        String error = describeError(result.get("error"));
        double seconds = result.get("seconds").getAsDouble();
        double peak = result.get("peak_rss_mb").isJsonNull() ? 0 : result.get("peak_rss_mb").getAsDouble();

        List<CheckResult> checks = new ArrayList<>();
        List<Integer> checkCells = new ArrayList<>();
        List<Integer> errorCells = new ArrayList<>();
        if (Files.exists(executed)) {
            JsonArray cells = JsonParser.parseString(Files.readString(executed)).getAsJsonObject().getAsJsonArray("cells");
            for (int i = 0; i < cells.size(); i++) {
                JsonObject cell = cells.get(i).getAsJsonObject();
                if (!cell.has("outputs")) {
                    continue;
                }
                if (NotebookFiles.hasError(cell)) {
                    errorCells.add(i + 1);
                }
                for (CheckResult check : NotebookFiles.checks(cell)) {
                    checks.add(check);
                    checkCells.add(i + 1);
                }
            }
        }
        return new NotebookRun(notebook, executed, status, failedCell, error, errorCells, checks, checkCells, seconds, peak);
    }

    private static String describeError(JsonElement error) {
        if (error == null || error.isJsonNull()) {
            return "";
        }
        JsonObject e = error.getAsJsonObject();
        StringBuilder text = new StringBuilder(e.get("ename").getAsString()).append(": ").append(e.get("evalue").getAsString());
        if (e.has("traceback")) {
            for (JsonElement line : e.getAsJsonArray("traceback")) {
                text.append('\n').append(line.getAsString().replaceAll("\u001B\\[[;\\d]*m", ""));
            }
        }
        return text.toString();
    }


    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
