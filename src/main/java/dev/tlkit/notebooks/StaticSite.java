package dev.tlkit.notebooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tlkit.kernel.KernelSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./kit site [--out DIR]}: executes every lesson and writes one HTML page per lesson plus an
 * {@code index.html} linking them (title, checks passed, time, peak memory), for a course website.
 * A lesson that fails still gets its page (showing the error) and is marked in the index.
 */
public final class StaticSite {
    private StaticSite() {
    }

    /** One lesson on the index. */
    public record Entry(String file, String title, NotebookRun run) {
    }

    /** Executes the notebooks of {@code lessons} into {@code out} and writes the index; returns the entries. */
    public static List<Entry> build(Path lessons, Path out, Path project) throws IOException {
        List<Path> notebooks = NotebookFiles.in(lessons);
        if (notebooks.isEmpty()) {
            throw new IllegalArgumentException("no notebooks in " + lessons);
        }
        Files.createDirectories(out);
        NotebookExecutor executor = NotebookExecutor.writingTo(out).withHtml()
                .withJupyterPath(KernelSpec.projectJupyterPath(project));
        List<Entry> entries = new ArrayList<>();
        for (Path notebook : notebooks) {
            System.out.println("executing " + notebook + " ...");
            NotebookRun run = executor.run(notebook);
            System.out.println("  " + run.summary());
            String name = NotebookFiles.name(notebook);
            entries.add(new Entry(name + ".html", title(notebook, name), run));
        }
        Files.writeString(out.resolve("index.html"), index(entries), StandardCharsets.UTF_8);
        return entries;
    }

    /** The first Markdown heading of the notebook, or its file name. */
    static String title(Path notebook, String fallback) throws IOException {
        for (JsonElement cell : NotebookFiles.cells(notebook)) {
            JsonObject c = cell.getAsJsonObject();
            if (!c.get("cell_type").getAsString().equals("markdown")) {
                continue;
            }
            for (String line : NotebookFiles.source(c).split("\n")) {
                if (line.startsWith("# ")) {
                    return line.substring(2).strip();
                }
            }
        }
        return fallback;
    }

    static String index(List<Entry> entries) {
        StringBuilder rows = new StringBuilder();
        for (Entry e : entries) {
            NotebookRun run = e.run();
            rows.append(String.format(Locale.ROOT,
                    "<tr><td><a href=\"%s\">%s</a></td><td class=\"%s\">%s</td><td>%d/%d</td><td>%.0f s</td><td>%.0f MB</td></tr>%n",
                    NotebookFiles.escapeMarkup(e.file()), NotebookFiles.escapeMarkup(e.title()), run.passed() ? "ok" : "bad", run.passed() ? "passed" : "FAILED",
                    run.passedChecks(), run.checks().size(), run.seconds(), run.peakRssMb()));
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Transfer learning in Java: lessons</title>
                <style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}
                table{border-collapse:collapse}td,th{padding:.3em .8em;border-bottom:1px solid #ddd;text-align:left}
                .ok{color:#186a1e}.bad{color:#b00020;font-weight:bold}</style></head>
                <body><h1>Transfer learning in Java: lessons</h1>
                <p>Every lesson below was executed on the kit's Java kernel when this site was built; each page shows the
                code, its outputs and the checks the lesson makes.</p>
                <table><tr><th>lesson</th><th>result</th><th>checks passed</th><th>time</th><th>peak memory</th></tr>
                %s</table></body></html>
                """.formatted(rows);
    }

    public static void main(String[] args) throws IOException {
        Path out = args.length == 2 && args[0].equals("--out") ? Path.of(args[1]) : Path.of("target", "site");
        if (args.length != 0 && args.length != 2) {
            System.err.println("usage: ./kit site [--out DIR]");
            System.exit(2);
        }
        Path project = Path.of(System.getProperty("kit.project.dir", "."));
        List<Entry> entries = build(project.resolve("notebooks"), out, project);
        System.out.println("wrote " + entries.size() + " lesson pages and " + out.resolve("index.html"));
        System.exit(entries.stream().allMatch(e -> e.run().passed()) ? 0 : 1);
    }
}
