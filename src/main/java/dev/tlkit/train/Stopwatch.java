package dev.tlkit.train;

import java.lang.management.ManagementFactory;

/**
 * Wall time and process CPU time since it started. CPU time counts every thread of the process, PyTorch's
 * native ones included, and barely moves when other programs share the machine: costs are compared in CPU
 * seconds (or in counted work), never in wall seconds.
 */
public final class Stopwatch {
    private final long wallStart;
    private final long cpuStart;

    private Stopwatch() {
        this.wallStart = System.nanoTime();
        this.cpuStart = processCpuNanos();
    }

    public static Stopwatch start() {
        return new Stopwatch();
    }

    /** Wall-clock seconds since the start. */
    public double seconds() {
        return (System.nanoTime() - wallStart) / 1e9;
    }

    /** CPU seconds the whole process used since the start (all threads). */
    public double cpuSeconds() {
        return (processCpuNanos() - cpuStart) / 1e9;
    }

    /** CPU time of this process in nanoseconds, all threads (the JDK's com.sun.management extension). */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
