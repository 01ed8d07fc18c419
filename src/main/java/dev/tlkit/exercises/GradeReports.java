package dev.tlkit.exercises;

import com.google.gson.GsonBuilder;
import dev.tlkit.data.AtomicFiles;
import dev.tlkit.notebooks.NotebookFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the grader writes, each file whole or not at all: {@code grades.md} (for the instructor),
 * {@code grades.xml} (JUnit XML), {@code gradebook.csv} (one row per student and exercise, for a spreadsheet or a
 * learning-management system), and per submission {@code feedback/STUDENT/EXERCISE.html} (for the student) and
 * {@code gradescope/STUDENT/EXERCISE.json} (Gradescope's results format). What a student sees of the hidden checks
 * is how many passed and their points, never their names or hints; the instructor's reports show them all.
 */
final class GradeReports {
    private GradeReports() {
    }

    static void write(List<Grader.Grade> grades, Path out) throws IOException {
        AtomicFiles.writeString(out.resolve("grades.md"), markdown(grades));
        AtomicFiles.writeString(out.resolve("grades.xml"), junitXml(grades));
        AtomicFiles.writeString(out.resolve("gradebook.csv"), csv(grades));
        for (Grader.Grade g : grades) {
            String name = NotebookFiles.name(g.notebook());
            AtomicFiles.writeString(out.resolve("feedback").resolve(g.student()).resolve(name + ".html"), feedback(g));
            AtomicFiles.writeString(out.resolve("gradescope").resolve(g.student()).resolve(name + ".json"), gradescope(g));
        }
    }

    static String markdown(List<Grader.Grade> grades) {
        StringBuilder md = new StringBuilder("# Grades\n\n| student | notebook | points | checks passed | time |\n"
                + "|---|---|---|---|---|\n");
        for (Grader.Grade g : grades) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d/%d | %d/%d | %.0f s |%n", g.student(),
                    g.notebook().getFileName(), g.score(), g.maxScore(), g.passedChecks(), g.items().size(), g.seconds()));
        }
        for (Grader.Grade g : grades) {
            md.append("\n## ").append(g.student()).append(": ").append(g.notebook().getFileName()).append("\n\n");
            if (!g.problem().isEmpty()) {
                md.append("Problem: ").append(g.problem()).append("\n\n");
            }
            for (Grader.Item i : g.items()) {
                md.append("- ").append(i.passed() ? "PASS " : "FAIL ").append(i.hidden() ? "[hidden] " : "").append(i.check()).append(" (")
                        .append(i.points()).append('/').append(i.maxPoints()).append(')')
                        .append(i.reason().isEmpty() ? "" : " — " + i.reason()).append('\n');
            }
        }
        return md.toString();
    }

    static String junitXml(List<Grader.Grade> grades) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        for (Grader.Grade g : grades) {
            String suite = NotebookFiles.escapeMarkup(g.student() + "/" + g.notebook().getFileName());
            xml.append(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"%.1f\">%n",
                    suite, g.items().size(), g.items().size() - g.passedChecks(), g.seconds()));
            for (Grader.Item i : g.items()) {
                xml.append("    <testcase classname=\"").append(suite).append("\" name=\"")
                        .append(NotebookFiles.escapeMarkup((i.hidden() ? "[hidden] " : "") + i.check())).append('"');
                if (i.passed()) {
                    xml.append("/>\n");
                } else {
                    xml.append("><failure message=\"").append(NotebookFiles.escapeMarkup(i.reason())).append("\"/></testcase>\n");
                }
            }
            xml.append("  </testsuite>\n");
        }
        return xml.append("</testsuites>\n").toString();
    }

    static String csv(List<Grader.Grade> grades) {
        StringBuilder csv = new StringBuilder("student,exercise,points,max_points,checks_passed,checks,seconds,problem\n");
        for (Grader.Grade g : grades) {
            csv.append(String.join(",", List.of(quoted(g.student()), quoted(NotebookFiles.name(g.notebook())),
                    String.valueOf(g.score()), String.valueOf(g.maxScore()), String.valueOf(g.passedChecks()),
                    String.valueOf(g.items().size()), String.format(Locale.ROOT, "%.1f", g.seconds()),
                    quoted(g.problem())))).append('\n');
        }
        return csv.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String quoted(String field) {
        return field.matches("(?s).*[,\"\\n\\r].*") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    /** Gradescope's results.json: the score, and one test per check with its points and why it failed. */
    static String gradescope(Grader.Grade g) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (Grader.Item i : studentView(g)) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("name", i.check());
            test.put("score", i.points());
            test.put("max_score", i.maxPoints());
            test.put("status", i.passed() ? "passed" : "failed");
            test.put("output", i.reason());
            test.put("visibility", "visible");
            tests.add(test);
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", g.score());
        results.put("execution_time", Math.round(g.seconds()));
        results.put("output", g.problem().isEmpty() ? g.summary() : g.problem());
        results.put("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(results) + "\n";
    }

    /** The items a student sees: the visible checks, and the hidden ones as one line of counts. */
    static List<Grader.Item> studentView(Grader.Grade g) {
        List<Grader.Item> view = new ArrayList<>(g.items().stream().filter(i -> !i.hidden()).toList());
        List<Grader.Item> hidden = g.items().stream().filter(Grader.Item::hidden).toList();
        if (!hidden.isEmpty()) {
            long passed = hidden.stream().filter(Grader.Item::passed).count();
            view.add(new Grader.Item(String.format(Locale.ROOT, "hidden checks: %d of %d passed", passed, hidden.size()),
                    hidden.stream().mapToInt(Grader.Item::points).sum(), hidden.stream().mapToInt(Grader.Item::maxPoints).sum(),
                    passed == hidden.size(), passed == hidden.size() ? "" : "hidden checks run your functions again"
                            + " on data of their own", true));
        }
        return view;
    }

    /** The student's page: their points, and per check whether it passed and, if not, the hint it gave. */
    static String feedback(Grader.Grade g) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(NotebookFiles.escapeMarkup(g.notebook().getFileName().toString())).append(" — feedback</title>")
                .append("<style>body{font-family:sans-serif;max-width:48em;margin:2em auto}td,th{padding:.3em .6em;"
                        + "border-bottom:1px solid #ddd;text-align:left}.pass{color:#1a7f37}.fail{color:#cf222e}</style>")
                .append("</head><body>\n<h1>").append(NotebookFiles.escapeMarkup(g.notebook().getFileName().toString()))
                .append("</h1>\n<p>").append(NotebookFiles.escapeMarkup(g.student())).append(": <b>").append(g.score())
                .append(" / ").append(g.maxScore()).append(" points</b>, ").append(g.passedChecks()).append(" of ")
                .append(g.items().size()).append(" checks passed.</p>\n");
        if (!g.problem().isEmpty()) {
            html.append("<p class=\"fail\">").append(NotebookFiles.escapeMarkup(g.problem())).append("</p>\n");
        }
        html.append("<table><tr><th></th><th>check</th><th>points</th><th>hint</th></tr>\n");
        for (Grader.Item i : studentView(g)) {
            html.append("<tr><td class=\"").append(i.passed() ? "pass\">&#10003;" : "fail\">&#10007;").append("</td><td>")
                    .append(NotebookFiles.escapeMarkup(i.check())).append("</td><td>").append(i.points()).append(" / ")
                    .append(i.maxPoints()).append("</td><td>").append(NotebookFiles.escapeMarkup(i.reason()))
                    .append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }
}
