package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The kit the way a person meets it: Jupyter Notebook (Debian's) on a free local port with the kit's
 * kernel, lesson 1 opened in headless Chromium (Debian's, driven by Playwright from npm), all cells run
 * through the UI. The rendered page must show chart images and HTML tables and no error. Screenshots go
 * to target/browser-test/. Skips, saying why, when Chromium or Playwright is missing ({@code ./kit test}
 * installs both).
 */
class BrowserIT {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path SCRIPTS = NotebookTests.PROJECT.resolve("browser-test");
    private static final Path OUT = NotebookTests.PROJECT.resolve("target/browser-test");

    @Test
    void lessonOneRunsInJupyterInARealBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + ": install it with sudo apt-get install chromium (./kit test does) to run the browser test");
        assumeTrue(Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core")),
                "Playwright is missing: run npm ci --prefix browser-test (./kit test does) to run the browser test");
        Files.createDirectories(OUT);

        // Jupyter autosaves what it runs: serve a copy of the lesson next to a link to the built kit.
        Path site = Files.createTempDirectory("kit-browser");
        Files.createDirectories(site.resolve("notebooks"));
        Files.copy(NotebookTests.PROJECT.resolve("notebooks/01-setup-and-tour.ipynb"), site.resolve("notebooks/01-setup-and-tour.ipynb"));
        Files.createSymbolicLink(site.resolve("target"), NotebookTests.PROJECT.resolve("target"));

        // An executed HTML export of the same lesson, to screenshot as well.
        NotebookRun exported = NotebookTests.executor("browser-export").run(NotebookTests.PROJECT.resolve("notebooks/01-setup-and-tour.ipynb"));
        assertTrue(exported.passed(), () -> String.join("\n", exported.problems()));

        int port = freePort();
        String token = UUID.randomUUID().toString();
        ProcessBuilder server = new ProcessBuilder("/usr/bin/jupyter", "notebook", "--no-browser", "--port=" + port,
                "--ip=127.0.0.1", "--NotebookApp.token=" + token, "--notebook-dir=" + site, "--allow-root")
                .redirectErrorStream(true).redirectOutput(OUT.resolve("jupyter.log").toFile());
        server.environment().put("JUPYTER_PATH", NotebookTests.jupyterPath().toString());
        server.environment().put("JUPYTER_CONFIG_DIR", site.resolve(".jupyter").toString());
        Process jupyter = server.start();
        try {
            waitForServer(port, token);
            String url = "http://127.0.0.1:" + port + "/notebooks/notebooks/01-setup-and-tour.ipynb?token=" + token;
            Process node = new ProcessBuilder("node", "lesson-in-browser.mjs", url, OUT.toString(),
                    NotebookTests.RUNS.resolve("browser-export/01-setup-and-tour.html").toString())
                    .directory(SCRIPTS.toFile()).redirectErrorStream(true).redirectOutput(OUT.resolve("node.log").toFile()).start();
            assertTrue(node.waitFor(8, TimeUnit.MINUTES), "the browser test did not finish in 8 minutes");
            String log = Files.readString(OUT.resolve("node.log"));
            assertEquals(0, node.exitValue(), "the browser run failed:\n" + log + "\njupyter log: " + OUT.resolve("jupyter.log"));
            JsonObject result = JsonParser.parseString(Files.readString(OUT.resolve("result.json"))).getAsJsonObject();
            System.out.println("[browser] lesson 1 in Chromium: " + result);
            assertTrue(result.get("images").getAsInt() >= 1, "no chart image on the page: " + result);
            assertTrue(result.get("chartWidth").getAsDouble() > 200, "the chart is not visible: " + result);
            assertTrue(result.get("tables").getAsInt() >= 1, "no HTML table on the page: " + result);
            assertEquals(0, result.get("errors").getAsInt(), "error output on the page: " + result);
            assertTrue(result.get("checkPass").getAsInt() >= 1, "no passing check shown: " + result);
            assertTrue(result.get("exportImages").getAsInt() >= 1, "the HTML export shows no image: " + result);
            assertTrue(result.get("completedText").getAsString().startsWith("VisionBackbone.load("),
                    "Tab after VisionBackbone.lo must offer load: " + result);
            String tooltip = result.get("tooltip").getAsString();
            assertTrue(tooltip.contains("VisionBackbone.load(String name)") && tooltip.contains("shipped with the kit"),
                    "Shift-Tab must show load's signature and Javadoc: " + result);
            for (String shot : new String[] {"lesson-in-jupyter.png", "first-chart.png", "lesson-html-export.png",
                    "shift-tab-documentation.png"}) {
                assertTrue(Files.size(OUT.resolve(shot)) > 10_000, shot + " is missing or empty");
            }
        } finally {
            jupyter.destroy();
            if (!jupyter.waitFor(10, TimeUnit.SECONDS)) {
                jupyter.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitForServer(int port, String token) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/status?token=" + token)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Jupyter Notebook did not start on port " + port + " within 60 s: see "
                + OUT.resolve("jupyter.log"));
    }
}
