package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lesson cells read like sentences: at most 12 lines of code each and 5 on average per lesson (not counting blank
 * lines, imports, magics and comments), with no fully-qualified java.* or tech.tablesaw.* names (import them).
 */
class LessonCellsTest {
    static final int MAX_LINES = 12;
    static final double MAX_MEAN = 5;
    private static final Pattern QUALIFIED = Pattern.compile("\\b(java|javax|tech\\.tablesaw)\\.[a-z]+\\.[A-Za-z]");

    @Test
    void everyLessonCellIsShortAndImportsWhatItUses() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path lesson : NotebookTests.notebooksIn("notebooks")) {
            List<Integer> counts = new ArrayList<>();
            int cell = 0;
            for (JsonElement element : NotebookFiles.cells(lesson)) {
                cell++;
                JsonObject c = element.getAsJsonObject();
                if (!c.get("cell_type").getAsString().equals("code")) {
                    continue;
                }
                int lines = 0;
                for (String line : NotebookFiles.source(c).split("\n")) {
                    String code = line.strip();
                    if (code.isEmpty() || code.startsWith("import ") || code.startsWith("%") || code.startsWith("//")) {
                        continue;
                    }
                    lines++;
                    if (QUALIFIED.matcher(line).find()) {
                        problems.add(lesson.getFileName() + ", cell " + cell + ": a fully-qualified name: " + code);
                    }
                }
                if (lines > 0) {   // a cell of imports only is not counted
                    counts.add(lines);
                }
                if (lines > MAX_LINES) {
                    problems.add(lesson.getFileName() + ", cell " + cell + ": " + lines + " lines of code (at most " + MAX_LINES + ")");
                }
            }
            double mean = counts.stream().mapToInt(Integer::intValue).average().orElse(0);
            if (mean > MAX_MEAN) {
                problems.add(lesson.getFileName() + ": " + String.format("%.1f", mean) + " lines per code cell on average"
                        + " (at most " + MAX_MEAN + ")");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
