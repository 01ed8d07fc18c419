package dev.tlkit.bench;

import java.util.Locale;

/** A figure the kit promises, its measured value and whether it meets the promise. */
public record Target(String what, String goal, String measured, boolean met) {

    /** {@code value >= floor}. */
    public static Target atLeast(String what, double value, double floor, String unit) {
        return new Target(what, "≥ " + Measurement.number(floor) + unit, Measurement.number(value) + unit, value >= floor);
    }

    /** {@code value <= ceiling}. */
    public static Target atMost(String what, double value, double ceiling, String unit) {
        return new Target(what, "≤ " + Measurement.number(ceiling) + unit, Measurement.number(value) + unit, value <= ceiling);
    }

    public String line() {
        return String.format(Locale.ROOT, "%s %s: %s (target %s)", met ? "MET    " : "MISSED ", what, measured, goal);
    }
}
