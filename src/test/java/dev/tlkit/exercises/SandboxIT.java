package dev.tlkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tlkit.kernel.KernelSpec;
import dev.tlkit.notebooks.NotebookExecutor;
import dev.tlkit.notebooks.NotebookFiles;
import dev.tlkit.notebooks.NotebookRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Hostile submissions in the grader's sandbox: one that reads another student's notebook, writes outside its
 * output folder, reaches the network and sleeps; a memory bomb; a fork bomb. Each is graded on the kit's kernel
 * inside {@link Sandbox} and the machine is checked afterwards.
 */
class SandboxIT {
    private static final Path PROJECT = Path.of(System.getProperty("kit.project.dir", ".")).toAbsolutePath().normalize();
    private static final Path BASE = PROJECT.resolve("target/sandbox-it");
    private final String id = UUID.randomUUID().toString().substring(0, 8);

    private static Path notebook(Path file, List<String> cells) throws IOException {
        JsonArray array = new JsonArray();
        for (String source : cells) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell_type", "code");
            cell.add("execution_count", null);
            cell.addProperty("id", UUID.randomUUID().toString().substring(0, 8));
            cell.add("metadata", new JsonObject());
            cell.add("outputs", new JsonArray());
            cell.addProperty("source", source);
            array.add(cell);
        }
        JsonObject nb = new JsonObject();
        nb.add("cells", array);
        nb.add("metadata", JsonParser.parseString("{\"kernelspec\": {\"display_name\": \"" + KernelSpec.DISPLAY_NAME
                + "\", \"language\": \"java\", \"name\": \"" + KernelSpec.NAME + "\"}}"));
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(nb));
    }

    private static NotebookRun grade(Path notebook, String student) throws IOException {
        return grade(notebook, student, Duration.ofMinutes(4));
    }

    private static NotebookRun grade(Path notebook, String student, Duration limit) throws IOException {
        NotebookExecutor executor = NotebookExecutor.writingTo(BASE.resolve("out").resolve(student))
                .withCellTimeout(Duration.ofSeconds(15)).keepGoingAfterErrors()
                .withNotebookTimeout(limit).withJupyterPath(KernelSpec.projectJupyterPath(PROJECT))
                .confinedBy(Sandbox.hiding(List.of(BASE.resolve("class"), BASE.resolve("out"))));
        return executor.run(notebook);
    }

    private static String outputs(NotebookRun run) throws IOException {
        StringBuilder text = new StringBuilder();
        for (var cell : NotebookFiles.cells(run.executed())) {
            for (var output : cell.getAsJsonObject().getAsJsonArray("outputs")) {
                text.append(output.toString()).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void aSubmissionCannotReadOthersWriteOutsideReachTheNetworkOrSleepForever() throws Exception {
        assertEquals("", Sandbox.unavailable());
        String secret = "bobs-answer-" + id;
        Path bob = BASE.resolve("class/bob/03-feature-extraction.ipynb");
        Files.createDirectories(bob.getParent());
        Files.writeString(bob, "{\"secret\": \"" + secret + "\"}");
        List<Path> escapes = List.of(PROJECT.resolve("target/escaped-" + id), Path.of("/tmp/escaped-" + id),
                Path.of(System.getProperty("user.home"), "escaped-" + id));
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(500);
            Thread listener = new Thread(() -> {
                while (!server.isClosed()) {
                    try (var s = server.accept()) {
                        connections.incrementAndGet();
                    } catch (SocketTimeoutException again) {
                        // keep listening
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            listener.setDaemon(true);
            listener.start();
            List<String> cells = new ArrayList<>();
            cells.add("String attempt(java.util.concurrent.Callable<Object> c) { try { return \"DONE \" + c.call(); }"
                    + " catch (Throwable t) { return \"REFUSED \" + t; } }");
            cells.add("System.out.println(\"read: \" + attempt(() -> java.nio.file.Files.readString(java.nio.file.Path.of(\""
                    + bob + "\"))));");
            for (Path escape : escapes) {
                cells.add("System.out.println(\"write: \" + attempt(() -> java.nio.file.Files.writeString("
                        + "java.nio.file.Path.of(\"" + escape + "\"), \"out\")));");
            }
            cells.add("System.out.println(\"loopback: \" + attempt(() -> new java.net.Socket(\"127.0.0.1\", "
                    + server.getLocalPort() + ")));");
            cells.add("System.out.println(\"internet: \" + attempt(() -> { var s = new java.net.Socket();"
                    + " s.connect(new java.net.InetSocketAddress(\"1.1.1.1\", 80), 3000); return s; }));");
            cells.add("Thread.sleep(3_600_000);");
            cells.add("System.out.println(\"after the sleep: alive\");");
            NotebookRun run = grade(notebook(BASE.resolve("class/alice/03-feature-extraction.ipynb"), cells), "alice");
            String out = outputs(run);
            System.out.println("[sandbox] " + run.status() + " " + out);
            assertFalse(out.contains(secret), "alice read bob's notebook: " + out);
            assertTrue(out.contains("read: REFUSED"), out);
            for (Path escape : escapes) {
                assertFalse(Files.exists(escape), "the notebook wrote " + escape);
            }
            assertTrue(out.contains("loopback: REFUSED") && out.contains("internet: REFUSED"), out);
            assertEquals(0, connections.get(), "the notebook reached a server on the grader's loopback");
            assertTrue(out.contains("after the sleep: alive"), "the sleeping cell is stopped at its time limit and the"
                    + " grading goes on: " + out);
        }
    }

    @Test
    void aMemoryBombIsStoppedAtItsLimit() throws Exception {
        NotebookRun run = grade(notebook(BASE.resolve("class/mallory/04-fine-tuning.ipynb"), List.of(
                "var manager = ai.djl.ndarray.NDManager.newBaseManager();",
                "var bombs = new java.util.ArrayList<ai.djl.ndarray.NDArray>();"
                        + " for (int i = 0; i < 16; i++) bombs.add(manager.ones(new ai.djl.ndarray.types.Shape(250_000_000L)));",
                "System.out.println(\"survived\");")), "mallory");
        System.out.println("[sandbox] memory bomb: " + run.status() + " " + run.error());
        assertTrue(run.error().contains("memory limit"), run.status() + ": " + run.error());
        assertFalse(outputs(run).contains("survived"));
    }

    @Test
    void aForkBombEndsWithItsNotebookAndLeavesNothingBehind() throws Exception {
        long before = ProcessHandle.allProcesses().count();
        NotebookRun run = grade(notebook(BASE.resolve("class/trudy/04-fine-tuning.ipynb"), List.of(
                "new ProcessBuilder(\"sh\", \"-c\", \"b() { b | b & }; b\").start(); Thread.sleep(5000);",
                "System.out.println(\"graded on\");")), "trudy", Duration.ofSeconds(60));
        System.out.println("[sandbox] fork bomb: " + run.status() + " " + run.error());
        Thread.sleep(2000);
        long after = ProcessHandle.allProcesses().count();
        assertTrue(after <= before + 5, "processes before " + before + ", after " + after);
        // the bomb's cell, or the kernel, is stopped; whichever: the notebook gets a grade and the grader goes on
        assertTrue(Set.of("ok", "error", "dead", "timeout").contains(run.status()), run.status());
    }
}
