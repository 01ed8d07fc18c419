package dev.tlkit.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tlkit.checks.CheckResult;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A class on the kit's JupyterHub, as {@code ./kit hub} serves it: four test users log in, start their servers
 * through the hub's REST API and run lesson 1 at the same time on the kit's kernel, through their servers' kernel
 * API behind the hub's proxy. Every run's checks pass; one learner's token cannot reach another's server; each
 * learner's memory peak is read from the cgroup the hub put them in; the idle culler stops the idle servers;
 * stopping the hub leaves their files, and a second start does not overwrite them.
 */
class HubIT {
    private static final Path PROJECT = Path.of(System.getProperty("kit.project.dir", ".")).toAbsolutePath().normalize();
    private static final Path BASE = Path.of("/tmp/tlkit-hub-it");   // learners must reach it: not under a private home
    private static final int LEARNERS = 4;
    private static final String LESSON = "transfer-kit/notebooks/01-setup-and-tour.ipynb";
    private static final Duration CELL_LIMIT = Duration.ofMinutes(4);   // a hang guard, not a speed claim
    private static final int IDLE_SECONDS = 20;   // the culler's idle limit for this test (a course: hub/course.json)

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String serviceToken = secret();
    private final String password = secret();
    private int port;
    private String cgroup;

    @Test
    void fourLearnersRunLessonOneAtOnceEachInTheirOwnServer() throws Exception {
        assertEquals("0", run("id", "-u").strip(), "the hub starts servers as other Unix users: run the tests as root");
        removeStaleTestUsers();
        port = freePorts();
        cgroup = "tlkit-hub-it-" + port;
        Path log = PROJECT.resolve("target/hub-it/hub.log");
        Process hub = startHub(log);
        try {
            List<String> users = new ArrayList<>();
            for (int i = 1; i <= LEARNERS; i++) {
                users.add("tlkit-learner" + i);
            }
            Map<String, String> tokens = new LinkedHashMap<>();
            for (String user : users) {
                assertEquals(302, logIn(user, password), user + " must log in with the test password");
                assertEquals(200, logIn(user, "not-" + password), user + ": a wrong password shows the login page again");
                tokens.put(user, newToken(user));
                int started = send("POST", "/hub/api/users/" + user + "/server", tokens.get(user), null).statusCode();
                assertTrue(started == 201 || started == 202, user + "'s server did not start: " + started);
            }
            for (String user : users) {
                awaitReady(user, tokens.get(user));
            }
            // one learner's token is refused by the next learner's server
            for (int i = 0; i < LEARNERS; i++) {
                String other = users.get((i + 1) % LEARNERS);
                HttpResponse<String> peek = send("GET", "/user/" + other + "/api/contents/" + LESSON,
                        tokens.get(users.get(i)), null);
                assertEquals(403, peek.statusCode(), users.get(i) + " reached " + other + "'s server: " + peek.body());
            }

            // a learner's own work, saved through their server
            String work = "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
            String saved = "{\"type\": \"notebook\", \"content\": " + work + "}";
            for (String user : users) {
                assertEquals(201, send("PUT", "/user/" + user + "/api/contents/transfer-kit/my-work.ipynb",
                        tokens.get(user), saved).statusCode());
            }

            ExecutorService pool = Executors.newFixedThreadPool(LEARNERS);
            Map<String, Future<LessonRun>> runs = new LinkedHashMap<>();
            for (String user : users) {
                runs.put(user, pool.submit(() -> runLesson(user, tokens.get(user))));
            }
            pool.shutdown();
            StringBuilder report = new StringBuilder("Lesson 1 run by " + LEARNERS + " learners at once on "
                    + Runtime.getRuntime().availableProcessors() + " cores (HubIT)\n\n"
                    + "| learner | checks passed | seconds | peak memory (MB) |\n|---|---|---|---|\n");
            for (Map.Entry<String, Future<LessonRun>> r : runs.entrySet()) {
                LessonRun lesson = r.getValue().get(20, TimeUnit.MINUTES);
                List<CheckResult> checks = lesson.checks();
                long passed = checks.stream().filter(CheckResult::passed).count();
                assertFalse(checks.isEmpty(), r.getKey() + ": lesson 1 showed no check");
                assertEquals(checks.size(), passed, r.getKey() + ": " + checks);
                assertLimitsEnforced(r.getKey());
                double peak = peakMemoryMb(r.getKey());
                report.append(String.format(Locale.ROOT, "| %s | %d/%d | %.1f | %.0f |%n", r.getKey(), passed,
                        checks.size(), lesson.seconds(), peak));
                System.out.printf(Locale.ROOT, "[hub] %s: %d/%d checks passed, %.1f s, peak memory %.0f MB (cgroup)%n",
                        r.getKey(), passed, checks.size(), lesson.seconds(), peak);
            }
            report.append(String.format(Locale.ROOT, "%nhub and proxy: %.0f MB RSS%n", hubMemoryMb(hub)));
            Files.writeString(PROJECT.resolve("target/hub-it/peak-memory.md"), report);
            System.out.print(report);

            // the idle culler: idle kernels are shut down, then the servers they leave empty, and the hub sees it
            for (String user : users) {
                awaitCulled(user, tokens.get(user));
            }
            Path lesson = home(users.get(0)).resolve(LESSON);
            Files.writeString(lesson, Files.readString(lesson).replace("\"cells\"", "\"metadata_edited_by_learner\": 1, \"cells\""));
            String edited = Files.readString(lesson);
            stop(hub);

            for (String user : users) {
                Path mine = home(user).resolve("transfer-kit/my-work.ipynb");
                assertTrue(Files.isRegularFile(mine), user + "'s saved notebook is gone after the hub stopped");
                assertEquals(user, Files.getOwner(mine).getName(), mine + " must belong to its learner");
                assertTrue(Files.isRegularFile(home(user).resolve(LESSON)), user + "'s lesson 1 is gone");
            }
            // a second start copies the lessons again: a learner's edited lesson stays as they left it
            hub = startHub(log);
            String user = users.get(0);
            String token = newToken(user);
            send("POST", "/hub/api/users/" + user + "/server", token, null);
            awaitReady(user, token);
            assertEquals(edited, Files.readString(lesson), "a second log-in must not overwrite the learner's lesson");
        } finally {
            stop(hub);
        }
    }

    /** A learner's run of the lesson: its checks and its wall time (reported, never asserted). */
    private record LessonRun(List<CheckResult> checks, double seconds) {
    }

    private LessonRun runLesson(String user, String token) throws Exception {
        long start = System.nanoTime();
        JsonObject notebook = JsonParser.parseString(send("GET", "/user/" + user + "/api/contents/" + LESSON, token, null)
                .body()).getAsJsonObject().getAsJsonObject("content");
        HttpResponse<String> created = send("POST", "/user/" + user + "/api/kernels", token, "{\"name\": \"java-transfer-kit\"}");
        assertEquals(201, created.statusCode(), created.body());
        String kernel = JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();
        List<CheckResult> checks = new ArrayList<>();
        URI channels = URI.create("ws://127.0.0.1:" + port + "/user/" + user + "/api/kernels/" + kernel + "/channels");
        try (KernelChannel channel = KernelChannel.open(http, channels, token)) {
            int number = 0;
            for (JsonElement cell : notebook.getAsJsonArray("cells")) {
                number++;
                JsonObject c = cell.getAsJsonObject();
                if (!c.get("cell_type").getAsString().equals("code")) {
                    continue;
                }
                KernelChannel.CellOutcome outcome = channel.execute(source(c), CELL_LIMIT);
                assertEquals("ok", outcome.status(), user + ", cell " + number + ": " + outcome.errors());
                assertTrue(outcome.errors().isEmpty(), user + ", cell " + number + ": " + outcome.errors());
                checks.addAll(outcome.checks());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // the shared caches serve the speech clips and MiniLM: nothing is synthesised or unpacked per learner
            KernelChannel.CellOutcome shared = channel.execute("dev.tlkit.audio.SpeechTasks.englishKeywords().size() + \" \" + "
                    + "dev.tlkit.models.SentenceEncoder.miniLm().encode(\"a course\").length + \" \" + "
                    + "java.nio.file.Files.isWritable(dev.tlkit.data.KitPaths.dataCache())", CELL_LIMIT);
            assertEquals("840 384 false", shared.result().replace("\"", ""), user + ": " + shared.errors());
            Path own = home(user).resolve(".cache/transfer-kit");
            assertFalse(Files.exists(own.resolve("speech")) || Files.exists(own.resolve("models")),
                    user + " generated their own copy of a shared cache in " + own);
            return new LessonRun(checks, seconds);
        }
    }

    private static String source(JsonObject cell) {
        JsonElement source = cell.get("source");
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            ((JsonArray) source).forEach(line -> text.append(line.getAsString()));
            return text.toString();
        }
        return source.getAsString();
    }

    private Process startHub(Path log) throws Exception {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(PROJECT.resolve("kit").toString(), "hub", "--no-build",
                "--test-users", String.valueOf(LEARNERS), "--home-base", BASE.resolve("home").toString(),
                "--port", String.valueOf(port), "--shared", BASE.resolve("shared").toString(),
                "--state", BASE.resolve("state").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of("TLKIT_HUB_SERVICE_TOKEN", serviceToken,
                "TLKIT_HUB_TEST_PASSWORD", password, "TLKIT_HUB_IP", "127.0.0.1", "TLKIT_HUB_CGROUP", cgroup,
                "TLKIT_HUB_IDLE_SECONDS", String.valueOf(IDLE_SECONDS)));
        Process hub = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);   // the first start fills the shared caches
        try {
            while (System.nanoTime() < deadline) {
                assertTrue(hub.isAlive(), "./kit hub stopped: see " + log);
                try {
                    if (send("GET", "/hub/api/users", serviceToken, null).statusCode() == 200) {
                        return hub;
                    }
                } catch (IOException notYet) {
                    // the hub is still preparing or starting
                }
                Thread.sleep(1000);
            }
            throw new AssertionError("the hub did not answer within 10 minutes: see " + log);
        } catch (AssertionError | InterruptedException e) {
            stop(hub);
            throw e;
        }
    }

    private void stop(Process hub) throws Exception {
        if (hub.isAlive()) {
            hub.destroy();   // SIGTERM: JupyterHub stops the learners' servers (cleanup_servers) and its proxy
            if (!hub.waitFor(2, TimeUnit.MINUTES)) {
                hub.destroyForcibly();
            }
        }
    }

    private int logIn(String user, String secret) throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).build();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(url("/hub/login")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String newToken(String user) throws Exception {
        HttpResponse<String> r = send("POST", "/hub/api/users/" + user + "/tokens", serviceToken, "{\"note\": \"HubIT\"}");
        assertEquals(201, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject().get("token").getAsString();
    }

    private void awaitReady(String user, String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            JsonObject servers = JsonParser.parseString(send("GET", "/hub/api/users/" + user, token, null).body())
                    .getAsJsonObject().getAsJsonObject("servers");
            if (servers.has("") && servers.getAsJsonObject("").get("ready").getAsBoolean()) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(user + "'s server was not ready within 3 minutes");
    }

    private void awaitCulled(String user, String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            JsonObject servers = JsonParser.parseString(send("GET", "/hub/api/users/" + user, token, null).body())
                    .getAsJsonObject().getAsJsonObject("servers");
            if (!servers.has("")) {
                return;
            }
            Thread.sleep(2000);
        }
        throw new AssertionError(user + "'s idle server was not culled within 5 minutes (idle limit " + IDLE_SECONDS + " s)");
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "token " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The learner's cgroup holds the memory and CPU limits of hub/course.json. */
    private void assertLimitsEnforced(String user) throws IOException {
        JsonObject learner = JsonParser.parseString(Files.readString(PROJECT.resolve("hub/course.json")))
                .getAsJsonObject().getAsJsonObject("learner");
        String memory = learner.get("memory_limit").getAsString();
        long bytes = (long) (Double.parseDouble(memory.substring(0, memory.length() - 1))
                * Map.of('K', 1L << 10, 'M', 1L << 20, 'G', 1L << 30).get(memory.charAt(memory.length() - 1)));
        long quota = Math.round(learner.get("cpu_limit").getAsDouble() * 100_000);
        Path v2 = Path.of("/sys/fs/cgroup", cgroup, user);
        if (Files.exists(v2.resolve("memory.max"))) {
            assertEquals(String.valueOf(bytes), Files.readString(v2.resolve("memory.max")).strip());
            assertEquals(quota + " 100000", Files.readString(v2.resolve("cpu.max")).strip());
        } else {
            assertEquals(bytes, Long.parseLong(Files.readString(Path.of("/sys/fs/cgroup/memory", cgroup, user,
                    "memory.limit_in_bytes")).strip()));
            assertEquals(quota, Long.parseLong(Files.readString(Path.of("/sys/fs/cgroup/cpu", cgroup, user,
                    "cpu.cfs_quota_us")).strip()));
        }
    }

    /** The peak of the learner's cgroup: their server and kernel together (v2 memory.peak, v1 max_usage). */
    private double peakMemoryMb(String user) throws IOException {
        Path v2 = Path.of("/sys/fs/cgroup", cgroup, user, "memory.peak");
        Path v1 = Path.of("/sys/fs/cgroup/memory", cgroup, user, "memory.max_usage_in_bytes");
        Path file = Files.exists(v2) ? v2 : v1;
        assertTrue(Files.exists(file), "the hub put " + user + " in no memory cgroup (" + file + "): see target/hub-it/hub.log");
        return Long.parseLong(Files.readString(file).strip()) / 1e6;
    }

    /** The resident memory of the hub's own processes (JupyterHub and its proxy), summed over their process tree. */
    private static double hubMemoryMb(Process kit) throws IOException {
        long kb = 0;
        for (ProcessHandle p : (Iterable<ProcessHandle>) kit.toHandle().descendants()::iterator) {
            String command = p.info().command().orElse("");
            if (command.contains("python") || command.contains("node")) {
                boolean learnerServer = p.info().arguments().map(a -> String.join(" ", a).contains("singleuser")).orElse(false);
                if (!learnerServer) {
                    kb += rssKb(p.pid());
                }
            }
        }
        kb += rssKb(kit.pid());
        return kb / 1024.0;
    }

    private static long rssKb(long pid) throws IOException {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).sum();
    }

    private static Path home(String user) {
        return BASE.resolve("home").resolve(user);
    }

    /** Test users left by an earlier run (their homes under BASE) are removed, so every run starts at a first log-in. */
    private static void removeStaleTestUsers() throws Exception {
        for (int i = 1; i <= LEARNERS; i++) {
            String user = "tlkit-learner" + i;
            String entry = run("getent", "passwd", user);
            if (!entry.isBlank()) {
                assertTrue(entry.contains(":" + BASE + "/"), user + " exists outside the test's folder, leave it: " + entry);
                run("userdel", "-r", user);
            }
        }
        run("rm", "-rf", BASE.toString());
        Files.createDirectories(BASE, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(BASE, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(1, TimeUnit.MINUTES);
        return out;
    }

    private static int freePorts() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate;
            try (ServerSocket s = new ServerSocket(0)) {
                candidate = s.getLocalPort();
            }
            if (candidate + 2 < 65536 && free(candidate + 1) && free(candidate + 2)) {
                return candidate;
            }
        }
        throw new IOException("no three free ports in a row");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String secret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
