package dev.tlkit.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One check line, as printed by {@link Check} and read back by the notebook tests and the grader. */
public record CheckResult(String name, boolean passed, String message) {
    private static final Pattern LINE = Pattern.compile("^CHECK (PASS|FAIL): (.+)$");

    public CheckResult {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a check needs a name");
        }
        name = name.replace('\n', ' ').strip();
        message = message == null ? "" : message.replace('\n', ' ').strip();
    }

    /** The line this result prints as. */
    public String line() {
        if (passed) {
            return "CHECK PASS: " + name;
        }
        return "CHECK FAIL: " + name + ": " + (message.isEmpty() ? "failed" : message);
    }

    /** Every check line in {@code output}, in order. A failure's name ends at the first ": ". */
    public static List<CheckResult> parse(String output) {
        List<CheckResult> results = new ArrayList<>();
        for (String line : output.split("\\R")) {
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            if (m.group(1).equals("PASS")) {
                results.add(new CheckResult(m.group(2), true, ""));
            } else {
                String rest = m.group(2);
                int colon = rest.indexOf(": ");
                results.add(colon < 0 ? new CheckResult(rest, false, "")
                        : new CheckResult(rest.substring(0, colon), false, rest.substring(colon + 2)));
            }
        }
        return results;
    }
}
