package dev.tlkit.nn.tfjs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;

/**
 * Reads a JavaScript value literal as minifiers write it — unquoted keys, {@code !0} and {@code !1} for true and
 * false, numbers such as {@code .5} — into Gson's JSON tree. The TensorFlow.js models inside npm packages ship as
 * such literals in browserified {@code .min.js} files ({@code exports={modelTopology:...}}), not as JSON, and no
 * JSON reader accepts them.
 */
final class JsLiteral {
    private final String text;
    private int at;

    private JsLiteral(String text, int start) {
        this.text = text;
        this.at = start;
    }

    /**
     * The literal that follows the first {@code marker} in {@code text} that a literal follows (e.g. "exports=":
     * a bundle's {@code module.exports=e()} is skipped, its {@code a.exports={...}} read).
     */
    static JsonElement after(String text, String marker, String source) {
        int start = text.indexOf(marker);
        while (start >= 0 && start + marker.length() < text.length()
                && "{[\"'".indexOf(text.charAt(start + marker.length())) < 0) {
            start = text.indexOf(marker, start + 1);
        }
        if (start < 0) {
            throw new IllegalArgumentException(source + " holds no '" + marker + "': not a TensorFlow.js model file of"
                    + " the expected kind");
        }
        JsLiteral reader = new JsLiteral(text, start + marker.length());
        try {
            return reader.value();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + " could not be read at character " + reader.at + ": "
                    + e.getMessage() + " (the file is damaged or of another format)", e);
        }
    }

    private JsonElement value() {
        skipSpace();
        char c = peek();
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        if (c == '"' || c == '\'') {
            return new JsonPrimitive(string());
        }
        if (c == '!') {
            at++;
            char digit = next();
            if (digit != '0' && digit != '1') {
                throw new IllegalStateException("expected !0 or !1");
            }
            return new JsonPrimitive(digit == '0');
        }
        if (c == '-' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        String word = identifier();
        return switch (word) {
            case "true" -> new JsonPrimitive(true);
            case "false" -> new JsonPrimitive(false);
            case "null", "undefined" -> JsonNull.INSTANCE;
            default -> throw new IllegalStateException("unexpected '" + word + "'");
        };
    }

    private JsonObject object() {
        JsonObject object = new JsonObject();
        expect('{');
        skipSpace();
        while (peek() != '}') {
            skipSpace();
            String key = peek() == '"' || peek() == '\'' ? string() : identifier();
            skipSpace();
            expect(':');
            object.add(key, value());
            skipSpace();
            if (peek() == ',') {
                at++;
                skipSpace();
            }
        }
        expect('}');
        return object;
    }

    private JsonArray array() {
        JsonArray array = new JsonArray();
        expect('[');
        skipSpace();
        while (peek() != ']') {
            array.add(value());
            skipSpace();
            if (peek() == ',') {
                at++;
                skipSpace();
            }
        }
        expect(']');
        return array;
    }

    private String string() {
        char quote = next();
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(e);
            }
        }
    }

    private JsonPrimitive number() {
        int start = at;
        while (at < text.length() && "+-.0123456789eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        return new JsonPrimitive(new BigDecimal(text.substring(start, at)));
    }

    private String identifier() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                || text.charAt(at) == '$')) {
            at++;
        }
        if (start == at) {
            throw new IllegalStateException("unexpected character '" + peek() + "'");
        }
        return text.substring(start, at);
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalStateException("expected '" + c + "'");
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw new IllegalStateException("the literal ends too early");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }
}
