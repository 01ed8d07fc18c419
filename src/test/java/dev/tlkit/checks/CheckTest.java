package dev.tlkit.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTest {

    /** Outside a notebook, checks show as their text lines on standard output. */
    private static String captured(Runnable checks) {
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            checks.run();
        } finally {
            System.setOut(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneLinePerCheckInTheConvention() {
        String out = captured(() -> {
            Check.atLeast("probe beats scratch by 5 points", 6.25, 5);
            Check.atLeast("enough accuracy", 0.5, 0.8);
            Check.equal("engine", "PyTorch", "MXNet");
        });
        assertEquals(List.of(
                "CHECK PASS: probe beats scratch by 5 points",
                "CHECK FAIL: enough accuracy: expected at least 0.8000, measured 0.5000",
                "CHECK FAIL: engine: expected PyTorch, saw MXNet"), out.lines().toList());
    }

    @Test
    void anExceptionInsideACheckFailsItWithTheReason() {
        String out = captured(() -> Check.passes("the head is trained", () -> {
            throw new UnsupportedOperationException("TODO: train the head");
        }));
        assertEquals("CHECK FAIL: the head is trained: it threw UnsupportedOperationException: TODO: train the head",
                out.strip());
    }

    @Test
    void betweenAndAtMost() {
        String out = captured(() -> {
            Check.between("in range", 0.286, 0.2855, 0.2865);
            Check.atMost("small gap", 3.0, 2.5);
        });
        assertEquals("CHECK PASS: in range\nCHECK FAIL: small gap: expected at most 2.500, measured 3",
                out.strip());
    }

    @Test
    void aNameMayHoldAnyCharacterAndSurvivesItsJson() {
        CheckResult result = new CheckResult("a toy case: rates \"2/4\" and 3/4\n(second line)", false,
                "wanted 1: saw 2", 3);
        CheckResult back = CheckResult.fromJson(new Gson().toJson(result.asJson()));
        assertEquals(result, back);
        assertFalse(back.passed());
        assertEquals(3, back.points());
        assertTrue(result.line().startsWith("CHECK FAIL: a toy case: rates \"2/4\" and 3/4 (second line): wanted 1"));
    }

    @Test
    void pointsAreDeclaredFluently() {
        String out = captured(() -> Check.points(2).isAtLeast("worth two", 3, 1));
        assertEquals("CHECK PASS: worth two", out.strip());
        assertEquals(1, CheckResult.fromJson("{\"name\":\"old\",\"passed\":true}").points());
    }
}
