package dev.tlkit.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the command-line programs speech synthesis needs, with errors that name the Debian package to install. */
final class Programs {
    private Programs() {
    }

    /** Runs {@code command}; returns its standard output. */
    static byte[] run(List<String> command, String debianPackage) {
        return run(command, debianPackage, true);
    }

    private static byte[] run(List<String> command, String debianPackage, boolean mustSucceed) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is not installed: the kit synthesises speech with it."
                    + " Install it with: sudo apt-get install " + debianPackage + " (or run ./kit setup)", e);
        }
        try {
            process.getOutputStream().close();
            byte[] err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
                Thread drain = new Thread(() -> copy(stdout, out));
                drain.start();
                err = stderr.readAllBytes();
                drain.join();
            }
            int code = process.waitFor();
            if (code != 0 && mustSucceed) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + code + "): "
                        + new String(err, StandardCharsets.UTF_8).strip());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the output of " + command.get(0), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command.get(0) + " was interrupted", e);
        }
    }

    /** The line of a program's version output that names its version (flite prints it and exits with 1). */
    static String version(List<String> command, String debianPackage) {
        List<String> lines = new String(run(command, debianPackage, false), StandardCharsets.UTF_8).strip().lines()
                .map(String::strip).toList();
        return lines.stream().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("version")).findFirst()
                .orElse(lines.isEmpty() ? "unknown" : lines.get(0));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
