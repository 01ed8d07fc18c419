package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.checks.CheckResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticSiteTest {

    @Test
    void aLessonsTitleIsItsFirstHeading() throws Exception {
        assertEquals("Lesson 4 — Fine-tuning: let the pre-trained backbone learn too",
                StaticSite.title(Path.of("notebooks/04-fine-tuning.ipynb"), "04-fine-tuning"));
    }

    @Test
    void theIndexLinksEveryLessonAndMarksFailures() {
        NotebookRun passed = new NotebookRun(Path.of("a.ipynb"), Path.of("out/a.ipynb"), "ok", 0, "", List.of(),
                List.of(new CheckResult("x", true, "", 1)), List.of(2), 12.3, 600);
        NotebookRun failed = new NotebookRun(Path.of("b.ipynb"), Path.of("out/b.ipynb"), "error", 3, "boom", List.of(3),
                List.of(new CheckResult("y", false, "no", 1)), List.of(3), 5, 500);
        String html = StaticSite.index(List.of(new StaticSite.Entry("a.html", "Lesson <A>", passed),
                new StaticSite.Entry("b.html", "Lesson B", failed)));
        assertTrue(html.contains("<a href=\"a.html\">Lesson &lt;A&gt;</a>"), html);
        assertTrue(html.contains("<td class=\"ok\">passed</td><td>1/1</td><td>12 s</td><td>600 MB</td>"), html);
        assertTrue(html.contains("<td class=\"bad\">FAILED</td><td>0/1</td>"), html);
    }
}
