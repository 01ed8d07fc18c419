package dev.tlkit.exercises;

import dev.tlkit.data.KitPaths;
import dev.tlkit.notebooks.ProcessConfinement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Where the grader runs a student's notebook (and its kernel): bubblewrap's namespaces with no network but
 * loopback, a private empty {@code /tmp} and home, the whole system read-only, the other submissions, the
 * solutions and the grades hidden, and only this notebook's output folder writable (it runs as the grader's user:
 * run as root, it could still read root-readable files outside the hidden folders); a cgroup (as root, where the machine lets us)
 * caps its memory and its number of processes and threads. The time limits are the executor's (per cell and per
 * notebook). Needs Debian's {@code bubblewrap}.
 *
 * @param hidden folders the notebook must not see (the class's submissions, the grader's output)
 */
public record Sandbox(long memoryBytes, int maxTasks, List<Path> hidden) implements ProcessConfinement {
    /** Above every exercise's measured peak (README); the kit's kernel caps its Java heap itself. */
    public static final long MEMORY_BYTES = 2L << 30;
    /** Processes and threads: a kernel and its driver use about 100. */
    public static final int MAX_TASKS = 512;
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    public Sandbox {
        hidden = hidden.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** A sandbox with the default limits that hides {@code hidden}. */
    public static Sandbox hiding(List<Path> hidden) {
        return new Sandbox(MEMORY_BYTES, MAX_TASKS, hidden);
    }

    /** The reason grading cannot be sandboxed here, or empty when it can. */
    public static String unavailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "bwrap"))) {
                return "";
            }
        }
        return "bubblewrap is missing: install it with sudo apt-get install bubblewrap (or run ./kit setup)";
    }

    @Override
    public Confined confine(List<String> command, List<Path> readable, Path writable) throws IOException {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        List<String> bwrap = new ArrayList<>(List.of("bwrap", "--die-with-parent", "--new-session",
                "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
                "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--tmpfs", home.toString()));
        // what the run needs back from under the private home: the kit's data, libtorch, the kernel's jars, the driver
        List<Path> back = new ArrayList<>(readable);
        back.add(KitPaths.dataCache());
        back.add(home.resolve(".djl.ai"));
        back.add(Path.of(System.getProperty("kit.project.dir", ".")).resolve("target"));
        if (System.getenv("ENGINE_CACHE_DIR") != null) {
            back.add(Path.of(System.getenv("ENGINE_CACHE_DIR")));
        }
        List<Path> existing = back.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::exists).distinct().toList();
        existing.forEach(p -> bwrap.addAll(List.of("--ro-bind", p.toString(), p.toString())));
        // then the other submissions and the grades disappear, even where they lie inside those folders...
        for (Path h : hidden) {
            if (Files.isDirectory(h)) {
                bwrap.addAll(List.of("--tmpfs", h.toString()));
            }
        }
        // ...but for the files of this very run
        existing.stream().filter(p -> hidden.stream().anyMatch(p::startsWith))
                .forEach(p -> bwrap.addAll(List.of("--ro-bind", p.toString(), p.toString())));
        Files.createDirectories(writable);
        bwrap.addAll(List.of("--bind", writable.toString(), writable.toString(),
                "--setenv", "HOME", home.toString(), "--setenv", "TMPDIR", "/tmp",
                "--setenv", "TLKIT_USER_CACHE", "/tmp/transfer-kit", "--chdir", writable.toString()));
        bwrap.addAll(command);
        return Limits.create(memoryBytes, maxTasks).wrap(bwrap);
    }

    /** The cgroup of one run: memory and tasks capped; closing it kills what is left and removes it. */
    private record Limits(List<Path> folders, boolean v2, List<String> prefix, long memory) {
        static Limits create(long memory, int tasks) {
            String name = "tlkit-grade/" + UUID.randomUUID();
            boolean v2 = Files.exists(CGROUPS.resolve("cgroup.controllers"));
            List<Path> folders = v2 ? List.of(CGROUPS.resolve(name))
                    : List.of(CGROUPS.resolve("memory").resolve(name), CGROUPS.resolve("pids").resolve(name));
            try {
                if (v2) {
                    Files.writeString(CGROUPS.resolve("cgroup.subtree_control"), "+memory +pids");
                    Files.createDirectories(folders.get(0).getParent());
                    Files.writeString(folders.get(0).getParent().resolve("cgroup.subtree_control"), "+memory +pids");
                    Files.createDirectory(folders.get(0));
                    Files.writeString(folders.get(0).resolve("memory.max"), String.valueOf(memory));
                    Files.writeString(folders.get(0).resolve("memory.swap.max"), "0");
                    Files.writeString(folders.get(0).resolve("pids.max"), String.valueOf(tasks));
                } else {
                    Files.createDirectories(folders.get(0));
                    Files.writeString(folders.get(0).resolve("memory.limit_in_bytes"), String.valueOf(memory));
                    Files.createDirectories(folders.get(1));
                    Files.writeString(folders.get(1).resolve("pids.max"), String.valueOf(tasks));
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("[grade] memory and process limits NOT enforced (cannot write cgroups: " + e.getMessage()
                        + "); run the grader as root on a machine with a writable /sys/fs/cgroup");
                return new Limits(List.of(), v2, List.of(), memory);
            }
            StringBuilder enter = new StringBuilder();
            for (Path f : folders) {
                enter.append("echo $$ > '").append(f.resolve("cgroup.procs")).append("' && ");
            }
            return new Limits(folders, v2, List.of("sh", "-c", enter + "exec \"$@\"", "sandbox"), memory);
        }

        Confined wrap(List<String> command) {
            List<String> full = new ArrayList<>(prefix);
            full.addAll(command);
            Limits limits = this;
            return new Confined() {
                @Override
                public List<String> command() {
                    return full;
                }

                @Override
                public String limitHit() {
                    return limits.oomKills() > 0 ? String.format(Locale.ROOT, "its memory limit of %.1f GiB and was"
                            + " stopped", limits.memory() / (double) (1L << 30)) : "";
                }

                @Override
                public void close() {
                    limits.close();
                }
            };
        }

        long oomKills() {
            if (folders.isEmpty()) {
                return 0;
            }
            Path file = folders.get(0).resolve(v2 ? "memory.events" : "memory.oom_control");
            try {
                return Files.readAllLines(file).stream().filter(l -> l.startsWith("oom_kill "))
                        .mapToLong(l -> Long.parseLong(l.substring("oom_kill ".length()).strip())).sum();
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        void close() {
            for (Path f : folders) {
                for (int attempt = 0; attempt < 50 && Files.exists(f); attempt++) {
                    try {
                        for (String pid : Files.readAllLines(f.resolve("cgroup.procs"))) {
                            ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                        }
                        Files.delete(f);
                    } catch (IOException | RuntimeException stillBusy) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }
        }
    }
}
