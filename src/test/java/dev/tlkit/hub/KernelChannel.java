package dev.tlkit.hub;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tlkit.checks.CheckResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Jupyter kernel reached as a browser reaches it: through a notebook server's websocket
 * ({@code /api/kernels/ID/channels}, the JSON form of the kernel protocol), behind JupyterHub's proxy.
 */
final class KernelChannel implements AutoCloseable {
    /** What one cell produced: the kit's check results, error outputs, and the reply's status. */
    record CellOutcome(List<CheckResult> checks, List<String> errors, String status, String result) {
    }

    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonObject> messages;
    private final String session = UUID.randomUUID().toString();

    private KernelChannel(WebSocket socket, LinkedBlockingQueue<JsonObject> messages) {
        this.socket = socket;
        this.messages = messages;
    }

    static KernelChannel open(HttpClient client, URI channels, String token) throws Exception {
        LinkedBlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>();
        WebSocket socket = client.newWebSocketBuilder().header("Authorization", "token " + token)
                .connectTimeout(Duration.ofSeconds(30)).buildAsync(channels, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            queue.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(60, TimeUnit.SECONDS);
        return new KernelChannel(socket, queue);
    }

    /** Runs one cell and waits (at most {@code limit}) until the kernel is idle again after it. */
    CellOutcome execute(String code, Duration limit) throws Exception {
        String id = UUID.randomUUID().toString();
        JsonObject header = new Gson().toJsonTree(Map.of("msg_id", id, "session", session, "username", "hub-test",
                "msg_type", "execute_request", "version", "5.3")).getAsJsonObject();
        JsonObject content = new Gson().toJsonTree(Map.of("code", code, "silent", false, "store_history", true,
                "user_expressions", Map.of(), "allow_stdin", false, "stop_on_error", true)).getAsJsonObject();
        JsonObject message = new JsonObject();
        message.add("header", header);
        message.add("parent_header", new JsonObject());
        message.add("metadata", new JsonObject());
        message.add("content", content);
        message.addProperty("channel", "shell");
        socket.sendText(message.toString(), true).get(30, TimeUnit.SECONDS);

        List<CheckResult> checks = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String status = null;
        String result = "";
        boolean idle = false;
        long deadline = System.nanoTime() + limit.toNanos();
        while (status == null || !idle) {
            JsonObject m = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new IllegalStateException("no reply to a cell within " + limit + ": " + code.lines().findFirst().orElse(""));
            }
            JsonElement parent = m.getAsJsonObject("parent_header").get("msg_id");
            if (parent == null || !parent.getAsString().equals(id)) {
                continue;
            }
            String type = m.getAsJsonObject("header").get("msg_type").getAsString();
            JsonObject c = m.getAsJsonObject("content");
            switch (type) {
                case "display_data", "execute_result" -> {
                    JsonElement check = c.getAsJsonObject("data").get(CheckResult.MIME_TYPE);
                    if (check != null) {
                        checks.add(CheckResult.fromJson(check.isJsonPrimitive() ? check.getAsString() : check.toString()));
                    }
                    JsonElement text = c.getAsJsonObject("data").get("text/plain");
                    if (type.equals("execute_result") && text != null) {
                        result = text.getAsString();
                    }
                }
                case "error" -> errors.add(c.get("ename").getAsString() + ": " + c.get("evalue").getAsString());
                case "execute_reply" -> status = c.get("status").getAsString();
                case "status" -> idle = "idle".equals(c.get("execution_state").getAsString());
                default -> { }
            }
        }
        return new CellOutcome(checks, errors, status, result);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
