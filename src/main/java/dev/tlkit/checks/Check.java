package dev.tlkit.checks;

import dev.tlkit.viz.Display;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Check cells: each call shows one {@link CheckResult} below the cell (structured display data the tests
 * and the grader read, and the readable line {@code CHECK PASS: <name>} or {@code CHECK FAIL: <name>: <what
 * was expected and what was seen>}). Names are stable sentences ("linear probe beats scratch at k = 1") and
 * may contain any character. A check is worth 1 point unless {@link #points(int)} says otherwise.
 */
public final class Check {
    private static final Check ONE_POINT = new Check(1);

    private final int points;

    private Check(int points) {
        this.points = points;
    }

    /** Checks worth {@code points} points each, e.g. {@code Check.points(2).isAtLeast(...)}. */
    public static Check points(int points) {
        return new Check(points);
    }

    /** Passes when {@code passed} is true; otherwise shows {@code failure}. */
    public static void that(String name, boolean passed, String failure) {
        ONE_POINT.isTrue(name, passed, failure);
    }

    /**
     * Runs {@code failure}: it returns null when all is well, or a message saying what is wrong. An
     * exception (for example an exercise's unimplemented {@code // TODO}) fails the check with its message.
     */
    public static void passes(String name, Supplier<String> failure) {
        ONE_POINT.holds(name, failure);
    }

    /** Passes when {@code measured >= threshold}. */
    public static void atLeast(String name, double measured, double threshold) {
        ONE_POINT.isAtLeast(name, measured, threshold);
    }

    /** Passes when {@code measured <= threshold}. */
    public static void atMost(String name, double measured, double threshold) {
        ONE_POINT.isAtMost(name, measured, threshold);
    }

    /** Passes when {@code low <= measured <= high}. */
    public static void between(String name, double measured, double low, double high) {
        ONE_POINT.isBetween(name, measured, low, high);
    }

    /** Passes when {@code expected.equals(actual)}. */
    public static void equal(String name, Object expected, Object actual) {
        ONE_POINT.isEqual(name, expected, actual);
    }

    /** {@link #that} worth this check's points. */
    public void isTrue(String name, boolean passed, String failure) {
        report(new CheckResult(name, passed, passed ? "" : failure, points));
    }

    /** {@link #passes} worth this check's points. */
    public void holds(String name, Supplier<String> failure) {
        String message;
        try {
            message = failure.get();
        } catch (RuntimeException | Error e) {
            message = "it threw " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        report(new CheckResult(name, message == null, message, points));
    }

    /** {@link #atLeast} worth this check's points. */
    public void isAtLeast(String name, double measured, double threshold) {
        isTrue(name, measured >= threshold, "expected at least " + format(threshold) + ", measured " + format(measured));
    }

    /** {@link #atMost} worth this check's points. */
    public void isAtMost(String name, double measured, double threshold) {
        isTrue(name, measured <= threshold, "expected at most " + format(threshold) + ", measured " + format(measured));
    }

    /** {@link #between} worth this check's points. */
    public void isBetween(String name, double measured, double low, double high) {
        isTrue(name, measured >= low && measured <= high,
                "expected between " + format(low) + " and " + format(high) + ", measured " + format(measured));
    }

    /** {@link #equal} worth this check's points. */
    public void isEqual(String name, Object expected, Object actual) {
        boolean same = expected == null ? actual == null : expected.equals(actual);
        isTrue(name, same, "expected " + expected + ", saw " + actual);
    }

    private static void report(CheckResult result) {
        Display.current().show(result);
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
