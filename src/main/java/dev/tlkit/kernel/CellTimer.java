package dev.tlkit.kernel;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What {@code %time} reports: wall time and the process's CPU time (every thread, PyTorch's native ones
 * included). CPU time above wall time means several cores worked; far below it, the cell waited.
 */
final class CellTimer {
    private final long wallStart;
    private final long cpuStart;

    private CellTimer() {
        this.wallStart = System.nanoTime();
        this.cpuStart = cpuNanos();
    }

    static CellTimer start() {
        return new CellTimer();
    }

    String report() {
        return format((System.nanoTime() - wallStart) / 1e9, (cpuNanos() - cpuStart) / 1e9);
    }

    static String format(double wallSeconds, double cpuSeconds) {
        return String.format(Locale.ROOT, "Wall time: %s, CPU time (process, all threads): %s",
                seconds(wallSeconds), seconds(cpuSeconds));
    }

    private static String seconds(double s) {
        return s < 1 ? String.format(Locale.ROOT, "%.0f ms", s * 1000) : String.format(Locale.ROOT, "%.2f s", s);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
