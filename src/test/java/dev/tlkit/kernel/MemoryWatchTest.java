package dev.tlkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's memory warning: where the limit comes from, when it warns, and that the cell's output gets it. */
class MemoryWatchTest {

    @Test
    void theLimitIsTheSmallestOfTheKernelsCgroups(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("cgroup"));
        Files.createDirectories(root.resolve("user/jupyter-ada/kernel"));
        Files.writeString(root.resolve("user/jupyter-ada/memory.max"), "2147483648\n");
        Files.writeString(root.resolve("user/jupyter-ada/kernel/memory.max"), "max\n");
        Files.writeString(dir.resolve("self-v2"), "0::/user/jupyter-ada/kernel\n");
        Optional<MemoryWatch.Limit> v2 = MemoryWatch.cgroupLimit(dir.resolve("self-v2"), root);
        assertEquals(2147483648L, v2.orElseThrow().bytes());
        assertTrue(v2.get().source().contains("user/jupyter-ada/memory.max"), v2.get().source());

        Files.createDirectories(root.resolve("memory/docker/abc"));
        Files.writeString(root.resolve("memory/docker/abc/memory.limit_in_bytes"), "1073741824\n");
        Files.writeString(root.resolve("memory/memory.limit_in_bytes"), "9223372036854771712\n");
        Files.writeString(dir.resolve("self-v1"), "4:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n");
        assertEquals(1073741824L, MemoryWatch.cgroupLimit(dir.resolve("self-v1"), root).orElseThrow().bytes());

        Files.writeString(dir.resolve("self-none"), "4:memory:/\n");
        assertTrue(MemoryWatch.cgroupLimit(dir.resolve("self-none"), root).isEmpty(), "v1's 2^63 means no limit");
    }

    @Test
    void itWarnsOncePastTheShareWithWhatToDo() throws Exception {
        AtomicLong resident = new AtomicLong(1_000_000_000L);
        MemoryWatch watch = new MemoryWatch(new MemoryWatch.Limit(2_000_000_000L, "MEM_LIMIT"), resident::get);
        assertTrue(watch.warning(1_600_000_000L).isEmpty());
        String warning = watch.warning(1_800_000_000L).orElseThrow();
        assertTrue(warning.contains("1.80 GB, 90 % of the 2.00 GB") && warning.contains("MEM_LIMIT")
                && warning.contains("close()") && warning.contains("restart the kernel"), warning);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (AutoCloseable during = watch.during(print)) {
            Thread.sleep(300);
            resident.set(1_900_000_000L);
            Thread.sleep(400);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, printed.split("Memory warning", -1).length - 1, printed);
    }

    @Test
    void theCellThatPassesTheLimitGetsTheWarningInItsOutput() throws Exception {
        long residentMb = MemoryWatch.residentBytesOfThisProcess() / 1_000_000;
        System.setProperty(MemoryWatch.LIMIT_PROPERTY, String.valueOf(residentMb + 400));
        KitKernel kernel;
        try {
            kernel = new KitKernel(System.getProperty("java.class.path"));
        } finally {
            System.clearProperty(MemoryWatch.LIMIT_PROPERTY);
        }
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            // 600 MB of native memory, as a big tensor takes it (the heap is far smaller)
            kernel.eval("try (var manager = ai.djl.ndarray.NDManager.newBaseManager()) {\n"
                    + "  var big = manager.ones(new ai.djl.ndarray.types.Shape(150_000_000));\n"
                    + "  Thread.sleep(500);\n}");
        } finally {
            System.setErr(before);
            kernel.onShutdown(false);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Memory warning: this kernel now uses"), "stderr of the cell: " + printed);
    }
}
