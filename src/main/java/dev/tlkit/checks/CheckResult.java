package dev.tlkit.checks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One check's outcome. A notebook shows it as display data of the kit's MIME type {@link #MIME_TYPE} (JSON:
 * name, passed, message, points), which the notebook tests and the grader read, plus its text line
 * {@code CHECK PASS: <name>} or {@code CHECK FAIL: <name>: <message>} for people and for other tools.
 *
 * @param points what the check is worth when it passes (graders add them up)
 */
public record CheckResult(String name, boolean passed, String message, int points) {
    /** The kit's MIME type for check results. */
    public static final String MIME_TYPE = "application/vnd.tlkit.check+json";

    public CheckResult {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a check needs a name");
        }
        if (points < 0) {
            throw new IllegalArgumentException("a check's points must not be negative, got " + points);
        }
        name = name.strip();
        message = message == null ? "" : message.strip();
    }

    /** The line this result reads as: {@code CHECK PASS: name} or {@code CHECK FAIL: name: message}. */
    public String line() {
        String oneLine = name.replace('\n', ' ');
        return passed ? "CHECK PASS: " + oneLine
                : "CHECK FAIL: " + oneLine + ": " + (message.isEmpty() ? "failed" : message.replace('\n', ' '));
    }

    /**
     * The JSON object shown under {@link #MIME_TYPE}, as a plain map (which any kernel's JSON writer, whatever
     * its version, turns into a JSON object).
     */
    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("passed", passed);
        json.put("message", message);
        json.put("points", points);
        return json;
    }

    /** Reads a result back from its JSON (as a notebook stores it). */
    public static CheckResult fromJson(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return new CheckResult(o.get("name").getAsString(), o.get("passed").getAsBoolean(),
                o.has("message") ? o.get("message").getAsString() : "", o.has("points") ? o.get("points").getAsInt() : 1);
    }

    @Override
    public String toString() {
        return line();
    }
}
