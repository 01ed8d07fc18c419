package dev.tlkit.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTest {

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
    void parsesWhatItPrints() {
        List<CheckResult> results = CheckResult.parse("noise\nCHECK PASS: a: b\nCHECK FAIL: c d: wanted 1: saw 2\n  CHECK PASS: e\n");
        assertEquals(3, results.size());
        assertEquals(new CheckResult("a: b", true, ""), results.get(0));
        assertEquals(new CheckResult("c d", false, "wanted 1: saw 2"), results.get(1));
        assertTrue(results.get(2).passed());
        assertFalse(results.get(1).passed());
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
    void aNameWithTheSeparatorIsRefusedWithAClearMessage() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Check.that("a toy case: rates", true, ""));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("reword the name"), e.getMessage());
    }
}
