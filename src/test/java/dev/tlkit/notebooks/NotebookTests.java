package dev.tlkit.notebooks;

import dev.tlkit.kernel.KernelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared set-up of the notebook tests: the kernel spec they use and where executed notebooks go. */
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
}
