package dev.tlkit.notebooks;

import dev.tlkit.kernel.KernelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/** Shared set-up of the notebook tests: the kernel spec they use, where executed notebooks go, the timings. */
final class NotebookTests {
    static final Path PROJECT = Path.of(System.getProperty("kit.project.dir", ".")).toAbsolutePath().normalize();
    static final Path RUNS = PROJECT.resolve("target/notebook-runs");
    private static Path jupyterPath;

    private NotebookTests() {
    }

    /** A private JUPYTER_PATH whose kernel spec starts the kernel from this build's jars. */
    static synchronized Path jupyterPath() {
        if (jupyterPath == null) {
            try {
                jupyterPath = KernelSpec.projectJupyterPath(PROJECT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jupyterPath;
    }

    static NotebookExecutor executor(String folder) {
        return NotebookExecutor.writingTo(RUNS.resolve(folder)).withJupyterPath(jupyterPath()).withHtml();
    }

    /** The notebooks of a project folder, sorted by name. */
    static List<Path> notebooksIn(String folder) {
        Path dir = PROJECT.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try {
            return NotebookFiles.in(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one row per executed notebook to target/notebook-runs/timings.md (what ./kit test prints at the end). */
    static synchronized void recordTiming(String folder, Path notebook, double seconds, double peakRssMb, long passed,
                                          int checks) throws IOException {
        Path file = RUNS.resolve("timings.md");
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "| notebook | seconds | peak RSS (MB) | checks |\n|---|---|---|---|\n");
        }
        Files.writeString(file, String.format(Locale.ROOT, "| %s/%s | %.1f | %.0f | %d/%d |%n", folder,
                notebook.getFileName(), seconds, peakRssMb, passed, checks), StandardOpenOption.APPEND);
    }
}
