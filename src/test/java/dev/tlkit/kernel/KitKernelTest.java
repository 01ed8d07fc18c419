package dev.tlkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.models.VisionBackbone;
import dev.tlkit.nn.Examples;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's evaluation, magics and error reporting, without Jupyter in between. */
class KitKernelTest {
    private static KitKernel kernel;

    @BeforeAll
    static void startKernel() {
        kernel = new KitKernel(System.getProperty("java.class.path"));
    }

    @AfterAll
    static void stopKernel() {
        kernel.onShutdown(false);
    }

    @Test
    void theLastExpressionIsTheCellsValue() throws Exception {
        assertEquals(42, kernel.evalCell("int x = 2;\nint y = x * 21;\ny"));
        assertSame(JavaEvaluator.NO_VALUE, kernel.evalCell("int z = 3;"));
        assertEquals("ab", kernel.evalCell("String s = \"a\";\ns + \"b\""));
    }

    @Test
    void aTrailingSemicolonHidesTheValue() throws Exception {
        assertSame(JavaEvaluator.NO_VALUE, kernel.evalCell("String.valueOf(5);"));
        assertSame(JavaEvaluator.NO_VALUE, kernel.evalCell("System.out.printf(\"%d%n\", 3);"));
        assertEquals("5", kernel.evalCell("String.valueOf(5)"));
    }

    @Test
    void methodsAndClassesCanBeDeclaredAndUsedAcrossCells() throws Exception {
        kernel.evalCell("record Point(int x, int y) { int sum() { return x + y; } }\nint twice(int v) { return 2 * v; }");
        assertEquals(14, kernel.evalCell("twice(new Point(3, 4).sum())"));
    }

    @Test
    void aCompilationErrorNamesTheCellLineAndShowsIt() {
        CellError error = assertThrows(CellError.class, () -> kernel.evalCell("int a = 1;\nint b = a +* 2;\nint c = 3;"));
        assertEquals("CompilationError", error.kind());
        assertTrue(error.lines().get(0).startsWith("Compilation error at cell line 2"), error.lines().toString());
        assertTrue(error.lines().get(1).contains("int b = a +* 2;"), error.lines().toString());
    }

    @Test
    void anUnknownSymbolIsACompilationErrorOnItsLine() {
        CellError error = assertThrows(CellError.class, () -> kernel.evalCell("int ok = 1;\n\nnoSuchVariable.call();"));
        assertTrue(error.lines().get(0).contains("cell line 3") && error.lines().get(0).contains("cannot find symbol"),
                error.lines().toString());
    }

    @Test
    void anExceptionShowsItsClassMessageAndCellLines() {
        CellError error = assertThrows(CellError.class, () -> kernel.evalCell(
                "void explode() { throw new IllegalStateException(\"bad state\"); }\nint before = 1;\nexplode();"));
        assertEquals("IllegalStateException", error.kind());
        assertEquals("java.lang.IllegalStateException: bad state", error.lines().get(0));
        assertTrue(error.lines().contains("\tat cell line 3"), error.lines().toString());
    }

    @Test
    void earlierStateSurvivesAFailingCell() throws Exception {
        kernel.evalCell("int kept = 5;");
        assertThrows(CellError.class, () -> kernel.evalCell("kept = 6;\nthrow new RuntimeException(\"x\");"));
        assertEquals(6, kernel.evalCell("kept"));
    }

    @Test
    void systemExitIsBlockedAndTheKernelKeepsRunning() throws Exception {
        CellError error = assertThrows(CellError.class, () -> kernel.evalCell("System.exit(3);"));
        assertEquals("SecurityException", error.kind());
        assertTrue(error.lines().get(0).contains("System.exit(3) was blocked"), error.lines().toString());
        assertEquals(2, kernel.evalCell("1 + 1"));
    }

    @Test
    void exitInAMethodOrViaRuntimeIsBlockedButNotInStringsOrComments() throws Exception {
        assertThrows(CellError.class, () -> kernel.evalCell("void quit() {\n  System . exit( 1 );\n}"));
        assertThrows(CellError.class, () -> kernel.evalCell("Runtime.getRuntime().halt(0);"));
        assertEquals("System.exit(0)", kernel.evalCell("// System.exit(0);\n\"System.exit(0)\""));
    }

    @Test
    void interruptStopsABusyLoopAndTheKernelStaysUsable() throws Exception {
        kernel.evalCell("int survivor = 11;");
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
            try {
                return kernel.evalCell("long spins = 0;\nwhile (true) { spins++; }");
            } catch (CellError e) {
                return e;
            }
        });
        Thread.sleep(1500);
        kernel.interrupt();
        Object outcome = running.get(20, TimeUnit.SECONDS);
        assertTrue(outcome instanceof CellError error && error.kind().equals("Interrupted"), String.valueOf(outcome));
        assertEquals(11, kernel.evalCell("survivor"));
    }

    @Test
    void interruptDuringTrainingStopsItPolitelyAndTheModelStaysUsable() throws Exception {
        kernel.evalCell("var soakImages = dev.tlkit.data.FashionMnist.test().head(500);\n"
                + "var soakNet = dev.tlkit.models.VisionBackbone.randomInit(8, 1).withNewHead(10, 1);");
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
            try {
                return kernel.evalCell("dev.tlkit.train.Fit.of(soakNet).epochs(100000).quietly()"
                        + ".on(dev.tlkit.nn.Examples.of(soakImages))");
            } catch (CellError e) {
                return e;
            }
        });
        Thread.sleep(3000);
        long start = System.nanoTime();
        kernel.interrupt();
        Object outcome = running.get(30, TimeUnit.SECONDS);
        double stopSeconds = (System.nanoTime() - start) / 1e9;
        assertTrue(outcome instanceof CellError error && error.kind().equals("Interrupted"), String.valueOf(outcome));
        // the training loop checks for interrupts between steps, so it stops well within the grace period
        assertTrue(stopSeconds < CellExecutionControl.STOP_GRACE_MILLIS / 1000.0, "stopping took " + stopSeconds + " s");
        assertEquals(1, kernel.evalCell("dev.tlkit.train.Fit.of(soakNet).epochs(1).quietly()"
                + ".on(dev.tlkit.nn.Examples.of(soakImages.head(64))).epochs().size()"));
    }

    @Test
    void interruptIsSeenByCodeThatChecksForIt() throws Exception {
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
            try {
                return kernel.evalCell("while (!Thread.currentThread().isInterrupted()) { Thread.onSpinWait(); }\n\"stopped politely\"");
            } catch (CellError e) {
                return e;
            }
        });
        Thread.sleep(1000);
        kernel.interrupt();
        Object outcome = running.get(20, TimeUnit.SECONDS);
        assertTrue(outcome instanceof CellError error && error.kind().equals("Interrupted"), String.valueOf(outcome));
    }

    @Test
    void classpathAndJarsMagicsAddCompiledCode(@TempDir Path dir) throws Exception {
        Path classes = compileGreeter(dir, "Greeter", "hello");
        assertSame(JavaEvaluator.NO_VALUE, kernel.evalCell("%classpath " + classes));
        assertEquals("hello", kernel.evalCell("new demo.Greeter().greet()"));

        Path other = compileGreeter(dir.resolve("second"), "Welcomer", "welcome");
        Path jars = Files.createDirectories(dir.resolve("jars"));
        jar(other, jars.resolve("welcomer-1.0.jar"), "demo/Welcomer.class");
        kernel.evalCell("%jars " + jars + "/welcomer-*.jar");
        assertEquals("welcome", kernel.evalCell("new demo.Welcomer().greet()"));
    }

    @Test
    void aMagicThatMatchesNothingSaysWhere() {
        CellError error = assertThrows(CellError.class, () -> kernel.evalCell("%jars /nonexistent/dir/*.jar"));
        assertEquals("MagicError", error.kind());
        assertTrue(error.lines().get(0).contains("matched no .jar file"), error.lines().toString());
    }

    @Test
    void loadEvaluatesAFile(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("helpers.jsh"), "int helperValue = 99;\nString helper() { return \"ok\"; }\n");
        kernel.evalCell("%load " + script);
        assertEquals("ok99", kernel.evalCell("helper() + helperValue"));
    }

    @Test
    void unknownMagicsAreReported() {
        CellError error = assertThrows(CellError.class, () -> kernel.evalCell("%maven foo:bar:1.0"));
        assertTrue(error.lines().get(0).contains("Unknown line magic %maven"));
    }

    @Test
    void displayIsImportedAndPrintsTextOutsideANotebook() throws Exception {
        Object value = kernel.evalCell("String id = display(\"shown\");\nid.length()");
        assertEquals(36, value);
    }

    private static Path compileGreeter(Path dir, String className, String greeting) throws Exception {
        Path source = dir.resolve("src/demo/" + className + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package demo; public class " + className + " { public String greet() { return \""
                + greeting + "\"; } }");
        Path out = Files.createDirectories(dir.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), source.toString());
        assertEquals(0, status);
        return out;
    }

    private static void jar(Path classes, Path jar, String entry) throws Exception {
        try (JarOutputStream out = new JarOutputStream(new FileOutputStream(jar.toFile()))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(classes.resolve(entry)));
            out.closeEntry();
        }
    }

    @Test
    void startupImportsAreKernelWide() {
        assertTrue(KitKernel.STARTUP.stream().anyMatch(s -> s.contains("NotebookFunctions")), List.of(KitKernel.STARTUP).toString());
    }
}
