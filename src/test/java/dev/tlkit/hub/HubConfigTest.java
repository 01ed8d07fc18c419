package dev.tlkit.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Zero to JupyterHub configuration (not run on a cluster here) agrees with the one HubIT runs: the image the
 * Dockerfile builds, the learner limits and idle time of hub/course.json, the environment the hub's spawner gives a
 * learner, and the folder the lessons are copied from.
 */
class HubConfigTest {
    private static final Path PROJECT = Path.of(System.getProperty("kit.project.dir", ".")).toAbsolutePath().normalize();
    private static final Path HUB = PROJECT.resolve("hub");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> map, String... keys) {
        Map<String, Object> m = map;
        for (String key : keys) {
            assertTrue(m.containsKey(key), "values.yaml has no " + String.join(".", keys));
            m = (Map<String, Object>) m.get(key);
        }
        return m;
    }

    @Test
    void theKubernetesValuesNameTheImageAndTheLimitsOfTheHubTest() throws IOException {
        JsonObject course = JsonParser.parseString(Files.readString(HUB.resolve("course.json"))).getAsJsonObject();
        JsonObject learner = course.getAsJsonObject("learner");
        JsonObject kubernetes = course.getAsJsonObject("kubernetes");
        Map<String, Object> values = new Yaml().load(Files.readString(HUB.resolve("kubernetes/values.yaml")));

        assertEquals(kubernetes.get("image").getAsString(), at(values, "singleuser", "image").get("name"));
        assertEquals(kubernetes.get("tag").getAsString(), at(values, "singleuser", "image").get("tag"));
        assertEquals(learner.get("memory_limit").getAsString(), at(values, "singleuser", "memory").get("limit"));
        assertEquals(learner.get("cpu_limit").getAsDouble(),
                ((Number) at(values, "singleuser", "cpu").get("limit")).doubleValue());
        assertEquals(true, at(values, "cull").get("enabled"));
        assertEquals(learner.get("idle_minutes").getAsInt() * 60, at(values, "cull").get("timeout"));
        assertEquals("/tree/" + course.get("home_folder").getAsString() + "/notebooks",
                at(values, "singleuser").get("defaultUrl"));
        String postStart = String.join(" ", (List<String>) at(values, "singleuser", "lifecycleHooks", "postStart", "exec")
                .get("command"));
        assertTrue(postStart.contains("cp -rn " + shared() + "/lessons/. ~/" + course.get("home_folder").getAsString()),
                "the lessons are copied without overwriting from the image's shared folder: " + postStart);
    }

    @Test
    void theImageIsBuiltWithTheHubsSharedFolderAndEnvironment() throws IOException {
        String dockerfile = Files.readString(HUB.resolve("kubernetes/Dockerfile"));
        JsonObject kubernetes = JsonParser.parseString(Files.readString(HUB.resolve("course.json"))).getAsJsonObject()
                .getAsJsonObject("kubernetes");
        assertTrue(dockerfile.contains("-t " + kubernetes.get("image").getAsString() + ":" + kubernetes.get("tag").getAsString()),
                "the Dockerfile's build line tags the image values.yaml names");
        assertTrue(dockerfile.lines().anyMatch(l -> l.startsWith("FROM debian:bookworm")), "Debian 12: JupyterHub 3.0.0");
        assertTrue(dockerfile.contains("./kit setup") && dockerfile.contains("./kit hub --prepare"),
                "the image fills its caches at build time, so a start downloads nothing");
        assertTrue(dockerfile.contains("USER 1000") && dockerfile.contains("CMD [\"jupyterhub-singleuser\"]"));
        // every variable the hub's spawner sets for a learner is set in the image, to the same place in the shared folder
        String config = Files.readString(HUB.resolve("jupyterhub_config.py"));
        Matcher m = Pattern.compile("\"([A-Z_]+)\": str\\((SHARED|home) /([^)]*)\\)").matcher(config);
        int variables = 0;
        while (m.find()) {
            String path = m.group(3).replaceAll("[\" ]", "");
            String expected = (m.group(2).equals("SHARED") ? shared() : "/home/jovyan") + "/" + path;
            assertTrue(dockerfile.contains(m.group(1) + "=" + expected), m.group(1) + "=" + expected + " in the Dockerfile");
            variables++;
        }
        assertEquals(4, variables, "the spawner's environment: TLKIT_DATA, TLKIT_USER_CACHE, ENGINE_CACHE_DIR, JUPYTER_PATH");
    }

    private static String shared() throws IOException {
        Matcher m = Pattern.compile("--prepare --no-build --shared (\\S+)")
                .matcher(Files.readString(HUB.resolve("kubernetes/Dockerfile")));
        assertTrue(m.find(), "the Dockerfile prepares a shared folder");
        return m.group(1);
    }
}
