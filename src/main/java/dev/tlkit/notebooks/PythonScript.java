package dev.tlkit.notebooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Python script shipped in the kit's jar, run with Debian's {@code /usr/bin/python3} (the one
 * with Jupyter; {@code KIT_PYTHON} overrides it).
 */
public final class PythonScript {
    private final String resource;

    private PythonScript(String resource) {
        this.resource = resource;
    }

    /** The script at {@code resource} on the class path, e.g. {@code /dev/tlkit/bench/torch_cnn.py}. */
    public static PythonScript of(String resource) {
        return new PythonScript(resource);
    }

    public static String python() {
        String configured = System.getenv("KIT_PYTHON");
        return configured != null && !configured.isBlank() ? configured : "/usr/bin/python3";
    }

    /** The script as a file, copied out of the jar once per JVM. */
    public synchronized Path file() {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "tlkit-" + ProcessHandle.current().pid() + "-" + name);
        if (Files.exists(file)) {
            return file;
        }
        try (InputStream in = PythonScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the kit's jar: rebuild with ./kit build");
            }
            Files.write(file, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + resource + " to " + file, e);
        }
        file.toFile().deleteOnExit();
        return file;
    }

    /** The command line that runs the script with {@code args}. */
    public List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(python(), file().toString()));
        command.addAll(args);
        return command;
    }

    /** Runs the script and parses the last line it printed, a JSON object (the kit's scripts end with one). */
    public com.google.gson.JsonObject jsonOutput(List<String> args, Map<String, String> environment, long timeoutSeconds) {
        String out = output(args, environment, timeoutSeconds).strip();
        return com.google.gson.JsonParser.parseString(out.substring(out.lastIndexOf('\n') + 1)).getAsJsonObject();
    }

    /**
     * Runs the script and returns what it printed on standard output.
     *
     * @throws IllegalStateException if it fails or runs longer than {@code timeoutSeconds}, with its output
     */
    public String output(List<String> args, Map<String, String> environment, long timeoutSeconds) {
        try {
            Path out = Files.createTempFile("tlkit-python", ".out");
            Path log = Files.createTempFile("tlkit-python", ".log");
            try {
                // output goes to files, so the wait below (and its timeout) starts as soon as the script does
                ProcessBuilder builder = new ProcessBuilder(command(args)).redirectOutput(out.toFile())
                        .redirectError(log.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(resource + " did not finish in " + timeoutSeconds + " s");
                }
                String stdout = Files.readString(out, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(resource + " failed (exit " + process.exitValue() + "):\n" + stdout
                            + Files.readString(log));
                }
                return stdout;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + resource + " with " + python(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + resource, e);
        }
    }
}
