package dev.tlkit.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.tlkit.checks.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reading .ipynb files: the notebooks of a folder, a notebook's cells, a cell's text. */
public final class NotebookFiles {
    private NotebookFiles() {
    }

    /** The .ipynb files directly in {@code folder}, sorted by name. */
    public static List<Path> in(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    /** A notebook's name: its file name without {@code .ipynb}. */
    public static String name(Path notebook) {
        return notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
    }

    /** The cells of a notebook file. */
    public static JsonArray cells(Path notebook) throws IOException {
        return JsonParser.parseString(Files.readString(notebook)).getAsJsonObject().getAsJsonArray("cells");
    }

    /** A cell's source as one string. */
    public static String source(JsonObject cell) {
        return text(cell.get("source"));
    }

    /** Notebook text, stored as one string or as a list of lines. */
    public static String text(JsonElement text) {
        if (text.isJsonArray()) {
            StringBuilder joined = new StringBuilder();
            text.getAsJsonArray().forEach(part -> joined.append(part.getAsString()));
            return joined.toString();
        }
        return text.getAsString();
    }

    /** The check results a cell's outputs show (display data of the kit's check MIME type), in order. */
    public static List<CheckResult> checks(JsonObject cell) {
        List<CheckResult> checks = new ArrayList<>();
        if (cell.has("outputs")) {
            for (JsonElement output : cell.getAsJsonArray("outputs")) {
                JsonObject o = output.getAsJsonObject();
                if (o.has("data") && o.getAsJsonObject("data").has(CheckResult.MIME_TYPE)) {
                    checks.add(CheckResult.fromJson(o.getAsJsonObject("data").get(CheckResult.MIME_TYPE).toString()));
                }
            }
        }
        return checks;
    }

    /** True when one of the cell's outputs is an error. */
    public static boolean hasError(JsonObject cell) {
        if (cell.has("outputs")) {
            for (JsonElement output : cell.getAsJsonArray("outputs")) {
                if ("error".equals(output.getAsJsonObject().get("output_type").getAsString())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code text} safe inside HTML or XML text and attribute values. */
    public static String escapeMarkup(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
