package dev.tlkit.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Watches the kernel's resident memory while a cell runs and warns in that cell's output once it passes
 * {@link #WARN_SHARE} of the limit the kernel lives under: past the limit the system kills the kernel and Jupyter
 * only says it died. The limit is {@code -Dkit.kernel.memoryLimitMb} if set, else the smallest memory limit of the
 * kernel's cgroups (Binder, JupyterHub's spawners
 * and containers limit memory there), else Binder's {@code MEM_LIMIT}, else the machine's memory.
 */
final class MemoryWatch {
    static final double WARN_SHARE = 0.85;
    /** A limit in MB set by hand, for a limit the kernel cannot see (e.g. a hub that kills by its own rule). */
    static final String LIMIT_PROPERTY = "kit.kernel.memoryLimitMb";
    private static final long SAMPLE_MILLIS = 100;

    /** A memory limit and where it was found, for the message. */
    record Limit(long bytes, String source) {
    }

    private final Limit limit;
    private final LongSupplier residentBytes;

    MemoryWatch(Limit limit, LongSupplier residentBytes) {
        this.limit = limit;
        this.residentBytes = residentBytes;
    }

    /** This process under the limit it finds. */
    static MemoryWatch ofThisProcess() {
        return new MemoryWatch(findLimit(), MemoryWatch::residentBytesOfThisProcess);
    }

    Limit limit() {
        return limit;
    }

    /** The warning for a process with {@code resident} bytes, if it is past the share. */
    Optional<String> warning(long resident) {
        if (resident < WARN_SHARE * limit.bytes()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "Memory warning: this kernel now uses %s, %.0f %% of the %s it may"
                        + " use (%s). Past that limit the kernel is stopped without a message and its variables are lost."
                        + " Free memory: close() models and feature sets you no longer need (or use try-with-resources),"
                        + " work on fewer images or a smaller input size, or restart the kernel and run only the cells you"
                        + " need.", gigabytes(resident), 100.0 * resident / limit.bytes(), gigabytes(limit.bytes()),
                limit.source()));
    }

    /** Samples memory until closed and prints the warning to {@code out} once, if the cell goes past the share. */
    AutoCloseable during(PrintStream out) {
        Thread sampler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Optional<String> warning = warning(residentBytes.getAsLong());
                    if (warning.isPresent()) {
                        out.println(warning.get());
                        out.flush();
                        return;
                    }
                    Thread.sleep(SAMPLE_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kernel-memory-watch");
        sampler.setDaemon(true);
        sampler.start();
        return () -> {
            sampler.interrupt();
            sampler.join(1000);
        };
    }

    static Limit findLimit() {
        String configured = System.getProperty(LIMIT_PROPERTY);
        if (configured != null && configured.matches("\\d+")) {
            return new Limit(Long.parseLong(configured) * 1_000_000, "-D" + LIMIT_PROPERTY);
        }
        Optional<Limit> cgroup = cgroupLimit(Path.of("/proc/self/cgroup"), Path.of("/sys/fs/cgroup"));
        if (cgroup.isPresent()) {
            return cgroup.get();
        }
        String binder = System.getenv("MEM_LIMIT");
        if (binder != null && binder.matches("\\d+")) {
            return new Limit(Long.parseLong(binder), "MEM_LIMIT");
        }
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return new Limit(total, "the machine's memory; no cgroup limit");
    }

    /** The smallest limit from this process's cgroup up to the root: cgroup v2's memory.max or v1's limit_in_bytes. */
    static Optional<Limit> cgroupLimit(Path procCgroup, Path cgroupRoot) {
        List<String> lines;
        try {
            lines = Files.readAllLines(procCgroup);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Limit smallest = null;
        for (String line : lines) {
            String[] parts = line.split(":", 3);
            if (parts.length < 3) {
                continue;
            }
            boolean v2 = parts[0].equals("0") && parts[1].isEmpty();
            boolean v1 = List.of(parts[1].split(",")).contains("memory");
            if (!v2 && !v1) {
                continue;
            }
            Path base = v2 ? cgroupRoot : cgroupRoot.resolve("memory");
            String file = v2 ? "memory.max" : "memory.limit_in_bytes";
            for (Path dir = base.resolve(parts[2].replaceFirst("^/", "")); dir != null && dir.startsWith(base);
                 dir = dir.getParent()) {
                Optional<Long> bytes = readLimit(dir.resolve(file));
                if (bytes.isPresent() && (smallest == null || bytes.get() < smallest.bytes())) {
                    smallest = new Limit(bytes.get(), "the cgroup limit in " + dir.resolve(file));
                }
            }
        }
        return Optional.ofNullable(smallest);
    }

    private static Optional<Long> readLimit(Path file) {
        try {
            String value = Files.readString(file).strip();
            // "max" (v2) or a page-rounded 2^63 (v1) mean no limit
            return value.matches("\\d+") && value.length() < 19 ? Optional.of(Long.parseLong(value)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** VmRSS of /proc/self/status; 0 where there is no /proc (no warning then). */
    static long residentBytesOfThisProcess() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
