package dev.tlkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tlkit.notebooks.PythonScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jupyter's complete, inspect and is_complete requests, sent by Jupyter's own client (jupyter_client) to the kit's
 * kernel as a notebook sends them: the replies' status, matches, cursor range, documentation and indent.
 */
class KernelAssistIT {

    @Test
    void theKernelAnswersCompletionInspectionAndCompletenessRequests() throws Exception {
        Path project = Path.of(System.getProperty("kit.project.dir", ".")).toAbsolutePath();
        Path dir = Files.createDirectories(project.resolve("target/kernel-assist"));
        List<Map<String, Object>> requests = new ArrayList<>();
        requests.add(Map.of("type", "execute", "code", "import dev.tlkit.models.*;\nvar backbone = "
                + "VisionBackbone.load(\"fashion-source-cnn\");"));
        requests.add(Map.of("type", "complete", "code", "VisionBackbone.lo", "cursor", 17));
        requests.add(Map.of("type", "complete", "code", "backbone.unfr", "cursor", 13));
        requests.add(Map.of("type", "complete", "code", "%ti", "cursor", 3));
        requests.add(Map.of("type", "inspect", "code", "backbone.unfreezeTop(2)", "cursor", 15, "detail", 0));
        requests.add(Map.of("type", "inspect", "code", "VisionBackbone", "cursor", 3, "detail", 1));
        requests.add(Map.of("type", "is_complete", "code", "for (int i = 0; i < 3; i++) {"));
        requests.add(Map.of("type", "is_complete", "code", "int a = 1;"));
        requests.add(Map.of("type", "is_complete", "code", ")"));
        requests.add(Map.of("type", "execute", "code", "%time\nbackbone.trainableParameters()"));
        Path requestFile = dir.resolve("requests.json");
        Path resultFile = dir.resolve("replies.json");
        Files.writeString(requestFile, new Gson().toJson(requests));
        PythonScript.of("/dev/tlkit/kernel/kernel_assist.py").output(List.of(requestFile.toString(),
                resultFile.toString()), Map.of("JUPYTER_PATH", KernelSpec.projectJupyterPath(project).toString()), 600);

        JsonArray replies = JsonParser.parseString(Files.readString(resultFile)).getAsJsonArray();
        assertEquals("ok", replies.get(0).getAsJsonObject().get("status").getAsString(), replies.get(0).toString());

        JsonObject load = replies.get(1).getAsJsonObject();
        assertEquals("ok", load.get("status").getAsString());
        assertTrue(load.get("matches").toString().contains("\"load(\""), load.toString());
        assertEquals(15, load.get("cursor_start").getAsInt());
        assertEquals(17, load.get("cursor_end").getAsInt());
        assertTrue(replies.get(2).getAsJsonObject().get("matches").toString().contains("unfreezeTop("),
                "members of a variable from an earlier cell: " + replies.get(2));
        assertEquals("[\"%time\"]", replies.get(3).getAsJsonObject().get("matches").toString());

        JsonObject method = replies.get(4).getAsJsonObject();
        assertTrue(method.get("found").getAsBoolean(), method.toString());
        String methodText = method.getAsJsonObject("data").get("text/plain").getAsString();
        assertTrue(methodText.contains("unfreezeTop(int k)") && methodText.contains("top"), methodText);
        String classText = replies.get(5).getAsJsonObject().getAsJsonObject("data").get("text/plain").getAsString();
        assertTrue(classText.startsWith("dev.tlkit.models.VisionBackbone\n") && classText.length() > 60, classText);

        JsonObject open = replies.get(6).getAsJsonObject();
        assertEquals("incomplete", open.get("status").getAsString(), open.toString());
        assertEquals("    ", open.get("indent").getAsString());
        assertEquals("complete", replies.get(7).getAsJsonObject().get("status").getAsString());
        assertEquals("invalid", replies.get(8).getAsJsonObject().get("status").getAsString());

        JsonObject timed = replies.get(9).getAsJsonObject();
        assertEquals("ok", timed.get("status").getAsString(), timed.toString());
        assertTrue(timed.get("stdout").getAsString().contains("Wall time: "), timed.toString());
    }
}
