package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code binder/postBuild} the way Binder's repo2docker does (from the repository root, once) on a
 * copy of the repository, with a private Jupyter data folder, then executes lesson 1 on the kernel it
 * installed. Binder's own image (Ubuntu, pip Jupyter) cannot run here; this is the part that can.
 */
class BinderPostBuildIT {

    @Test
    void postBuildLeavesAKernelThatRunsLessonOne(@TempDir Path temp) throws Exception {
        Path repo = temp.resolve("repo");
        copyTrackedFiles(NotebookTests.PROJECT, repo);
        Path jupyterData = temp.resolve("jupyter-data");
        Path log = temp.resolve("postBuild.log");
        ProcessBuilder builder = new ProcessBuilder("bash", "binder/postBuild").directory(repo.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JUPYTER_DATA_DIR", jupyterData.toString());
        builder.environment().put("JUPYTER", "/usr/bin/jupyter");
        builder.environment().put("KIT_PYTHON", "/usr/bin/python3");
        builder.environment().put("KIT_BINDER_CHECK_DIR", temp.resolve("check").toString());
        Process process = builder.start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "postBuild did not finish in 10 minutes");
        String output = Files.readString(log);
        assertEquals(0, process.exitValue(), "postBuild failed:\n" + output);
        assertTrue(output.contains("01-setup-and-tour.ipynb: PASSED"), output);

        Path kernelJson = jupyterData.resolve("kernels/java-transfer-kit/kernel.json");
        assertTrue(Files.isRegularFile(kernelJson), "postBuild installed no kernel into " + jupyterData + ":\n" + output);
        assertTrue(Files.readString(kernelJson).contains(repo.resolve("target/transfer-kit.jar").toString()),
                "the kernel must start from the built kit: " + Files.readString(kernelJson));

        NotebookRun run = NotebookExecutor.writingTo(temp.resolve("runs")).withJupyterPath(jupyterData)
                .run(repo.resolve("notebooks/01-setup-and-tour.ipynb"));
        System.out.println("[binder] lesson 1 on the kernel postBuild installed: " + run.summary());
        assertTrue(run.passed(), () -> String.join("\n", run.problems()));
    }

    /** The files git tracks or would track (what Binder clones), as they are in the working tree. */
    private static void copyTrackedFiles(Path from, Path to) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard").directory(from.toFile()).start();
        String listing = new String(git.getInputStream().readAllBytes());
        assertEquals(0, git.waitFor(), "git ls-files failed in " + from);
        for (String file : List.of(listing.split("\0"))) {
            if (file.isEmpty() || !Files.isRegularFile(from.resolve(file))) {
                continue;
            }
            Path target = to.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(from.resolve(file), target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
