package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every notebook in the repository — lessons, solutions and the generated exercises — is valid by nbformat's
 * own schema (Debian's python3-nbformat, as Jupyter and nbconvert read them), so Jupyter opens them without a
 * warning and {@code jupyter nbconvert --execute} runs them.
 */
class NotebookFormatIT {
    private static final String VALIDATE = String.join("\n",
            "import sys, nbformat",
            "bad = 0",
            "for path in sys.argv[1:]:",
            "    try:",
            "        nbformat.validate(nbformat.read(path, as_version=nbformat.NO_CONVERT))",
            "    except Exception as e:",
            "        bad += 1",
            "        print(path + ': ' + str(e).splitlines()[0])",
            "print('checked %d notebooks, %d invalid' % (len(sys.argv) - 1, bad))",
            "sys.exit(1 if bad else 0)");

    @Test
    void everyNotebookIsValidNbformat() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c", VALIDATE));
        int count = 0;
        for (String folder : List.of("notebooks", "solutions", "exercises")) {
            for (Path notebook : NotebookTests.notebooksIn(folder)) {
                command.add(notebook.toString());
                count++;
            }
        }
        assertTrue(count >= 30, "expected the lessons, solutions and exercises, found " + count + " notebooks");
        Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(120, TimeUnit.SECONDS), "nbformat's validation did not finish");
        System.out.print("[nbformat] " + output);
        assertEquals(0, python.exitValue(), output);
    }
}
