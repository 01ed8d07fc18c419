package dev.tlkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellParserTest {

    @Test
    void splitsMagicsFromJavaKeepingLineNumbers() {
        List<CellParser.Segment> segments = CellParser.split("%jars lib/*.jar\nint x = 1;\nx + 1\n%load a.jsh\ny");
        assertEquals(4, segments.size());
        assertTrue(segments.get(0).magic());
        assertEquals("jars", segments.get(0).magicName());
        assertEquals(List.of("lib/*.jar"), segments.get(0).magicArgs());
        assertFalse(segments.get(1).magic());
        assertEquals(2, segments.get(1).firstLine());
        assertEquals("int x = 1;\nx + 1\n", segments.get(1).text());
        assertEquals("load", segments.get(2).magicName());
        assertEquals(4, segments.get(2).firstLine());
        assertEquals(5, segments.get(3).firstLine());
    }

    @Test
    void javaThatStartsWithPercentIsNotAMagic() {
        List<CellParser.Segment> segments = CellParser.split("int r = 7\n% 3;");
        assertEquals(1, segments.size());
        assertFalse(segments.get(0).magic());
    }

    @Test
    void quotedArgumentsStayTogether() {
        assertEquals(List.of("a b/*.jar", "c.jar"), CellParser.splitArgs(" \"a b/*.jar\" c.jar "));
        assertEquals(List.of(), CellParser.splitArgs("   "));
    }

    @Test
    void blankJavaBetweenMagicsIsDropped() {
        List<CellParser.Segment> segments = CellParser.split("%classpath a\n\n%jars b/*.jar\n");
        assertEquals(2, segments.size());
        assertTrue(segments.stream().allMatch(CellParser.Segment::magic));
    }
}
