package dev.tlkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tab, Shift-Tab, is_complete and %time on the kernel itself; KernelAssistIT asks the same through Jupyter. */
class CodeAssistTest {
    private static KitKernel kernel;

    @BeforeAll
    static void startKernel() throws Exception {
        kernel = new KitKernel(System.getProperty("java.class.path"));
        kernel.evalCell("import dev.tlkit.models.*;\nint trainingImages = 5;");
    }

    @AfterAll
    static void stopKernel() {
        kernel.onShutdown(false);
    }

    @Test
    void tabCompletesKitMembersVariablesAndMagics() {
        ReplacementOptions load = kernel.complete("VisionBackbone.lo", 17);
        assertTrue(load.getReplacements().contains("load("), load.getReplacements().toString());
        assertEquals(15, load.getSourceStart());
        assertEquals(17, load.getSourceEnd());
        assertTrue(kernel.complete("int n = trainingIm", 18).getReplacements().contains("trainingImages"));
        assertTrue(kernel.complete("\"abc\".toUpp", 11).getReplacements().contains("toUpperCase("));
        ReplacementOptions magic = kernel.complete("%cl", 3);
        assertEquals(List.of("%classpath"), magic.getReplacements());
        assertEquals(0, magic.getSourceStart());
        String afterMagic = "%time\nVisionBackbone.lo";
        assertTrue(kernel.complete(afterMagic, afterMagic.length()).getReplacements().contains("load("));
    }

    @Test
    void shiftTabShowsTheSignatureAndTheKitsJavadoc() throws Exception {
        String text = plain(kernel.inspect("VisionBackbone.load(", 20, false));
        assertTrue(text.contains("VisionBackbone.load(String name)"), text);
        assertTrue(text.contains("A pre-trained backbone shipped with the kit"), "load's Javadoc: " + text);
        String middle = plain(kernel.inspect("var b = VisionBackbone.load", 25, false));
        assertTrue(middle.contains("VisionBackbone.load("), "inside the name: " + middle);
        String type = plain(kernel.inspect("VisionBackbone", 5, false));
        assertTrue(type.startsWith("dev.tlkit.models.VisionBackbone\n"), type);
        assertEquals(null, kernel.inspect("int q = 3 + ", 12, false));
    }

    @Test
    void isCompleteSaysWhenABlockIsStillOpen() {
        assertEquals("complete", kernel.isComplete("int a = 1;"));
        assertEquals("complete", kernel.isComplete("int a = 1"));
        assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("", kernel.isComplete("int a = 1;\nMath.max(1,"));
        assertEquals("invalid", kernel.isComplete(")"));
        assertEquals("complete", kernel.isComplete("%jars lib/*.jar"));
    }

    @Test
    void timeReportsWallAndCpuTimeOfTheRestOfTheCell() throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(6, kernel.evalCell("%time\nint u = 2;\nu * 3"));
            assertEquals(10, kernel.evalCell("%time 5 * 2"));
        } finally {
            System.setOut(before);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(2, out.split("Wall time: ", -1).length - 1, out);
        assertTrue(out.contains("CPU time (process, all threads): "), out);
    }

    private static String plain(DisplayData data) {
        return data == null ? "(nothing)" : String.valueOf(data.getData(MIMEType.TEXT_PLAIN));
    }
}
