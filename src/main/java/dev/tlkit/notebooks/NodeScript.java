package dev.tlkit.notebooks;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A reference runtime's script in {@code src/test/node} (TensorFlow.js, installed by {@code npm ci} there), run
 * with node on a JSON request; it writes a JSON result. The parity tests and the benchmark call these scripts.
 */
public record NodeScript(Path directory, String script) {
    public static final String DIRECTORY = "src/test/node";

    /** {@code script} in the project's {@value #DIRECTORY}. */
    public static NodeScript of(Path projectDir, String script) {
        return new NodeScript(projectDir.resolve(DIRECTORY), script);
    }

    /**
     * Runs the script on {@code request} (written as JSON into {@code workDir}) and returns what it wrote.
     *
     * @throws IllegalStateException if TensorFlow.js is not installed, or the script fails or runs too long
     */
    public JsonObject run(Object request, Path workDir, long timeoutSeconds) {
        if (!Files.isDirectory(directory.resolve("node_modules"))) {
            throw new IllegalStateException("the reference runtimes (TensorFlow.js, ONNX Runtime Web) are not installed in " + directory + ": run ./kit test or"
                    + " ./kit bench (they run npm ci there)");
        }
        String stem = script.replaceFirst("\\.m?js$", "");
        workDir = workDir.toAbsolutePath();   // node runs in the script's folder: a relative path would miss
        try {
            Files.createDirectories(workDir);
            Path requestFile = workDir.resolve(stem + "-request.json");
            Path resultFile = workDir.resolve(stem + "-result.json");
            Path log = workDir.resolve(stem + ".log");
            Files.writeString(requestFile, new Gson().toJson(request));
            Files.deleteIfExists(resultFile);
            Process node = new ProcessBuilder("node", directory.resolve(script).toString(), requestFile.toString(),
                    resultFile.toString()).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!node.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new IllegalStateException(script + " did not finish in " + timeoutSeconds + " s");
            }
            if (node.exitValue() != 0) {
                throw new IllegalStateException(script + " failed (exit " + node.exitValue() + "): "
                        + Files.readString(log));
            }
            return JsonParser.parseString(Files.readString(resultFile)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + script + " with node (is node installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }
}
