package dev.tlkit.checks;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Check cells: each call prints exactly one line, {@code CHECK PASS: <name>} or
 * {@code CHECK FAIL: <name>: <what was expected and what was seen>}, which the notebook tests
 * and the grader read. Names are stable sentences ("linear probe beats scratch at k = 1").
 */
public final class Check {
    private Check() {
    }

    /** Passes when {@code passed} is true; otherwise prints {@code failure}. */
    public static void that(String name, boolean passed, String failure) {
        report(new CheckResult(name, passed, passed ? "" : failure));
    }

    /**
     * Runs {@code failure}: it returns null when all is well, or a message saying what is wrong. An
     * exception (for example an exercise's unimplemented {@code // TODO}) fails the check with its message.
     */
    public static void passes(String name, Supplier<String> failure) {
        String message;
        try {
            message = failure.get();
        } catch (RuntimeException | Error e) {
            message = "it threw " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        report(new CheckResult(name, message == null, message == null ? "" : message));
    }

    /** Passes when {@code measured >= threshold}. */
    public static void atLeast(String name, double measured, double threshold) {
        that(name, measured >= threshold,
                "expected at least " + format(threshold) + ", measured " + format(measured));
    }

    /** Passes when {@code measured <= threshold}. */
    public static void atMost(String name, double measured, double threshold) {
        that(name, measured <= threshold,
                "expected at most " + format(threshold) + ", measured " + format(measured));
    }

    /** Passes when {@code low <= measured <= high}. */
    public static void between(String name, double measured, double low, double high) {
        that(name, measured >= low && measured <= high,
                "expected between " + format(low) + " and " + format(high) + ", measured " + format(measured));
    }

    /** Passes when {@code expected.equals(actual)}. */
    public static void equal(String name, Object expected, Object actual) {
        boolean same = expected == null ? actual == null : expected.equals(actual);
        that(name, same, "expected " + expected + ", saw " + actual);
    }

    private static void report(CheckResult result) {
        if (result.name().contains(": ")) {
            throw new IllegalArgumentException("the check name '" + result.name() + "' contains \": \", which separates a"
                    + " failed check's name from its message in the CHECK line: reword the name (e.g. with a dash or brackets)");
        }
        System.out.println(result.line());
        System.out.flush();
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
