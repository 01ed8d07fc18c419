package dev.tlkit.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** One benchmark figure: the samples of repeated measurements, summarised by their median. */
public record Measurement(String name, String unit, List<Double> samples) {
    public Measurement {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException(name + ": a measurement needs at least one sample");
        }
        samples = List.copyOf(samples);
    }

    public double median() {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min() {
        return Collections.min(samples);
    }

    public double max() {
        return Collections.max(samples);
    }

    /** "2,640 img/s (median of 5: 2,590-2,700)". */
    public String describe() {
        String range = samples.size() == 1 ? "one run"
                : "median of " + samples.size() + ": " + number(min()) + "-" + number(max());
        return number(median()) + " " + unit + " (" + range + ")";
    }

    /** Three significant digits, thousands separated. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%,.1f" : magnitude >= 1 ? "%,.2f" : "%,.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
