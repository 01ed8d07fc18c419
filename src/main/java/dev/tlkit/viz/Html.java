package dev.tlkit.viz;

/** An HTML snippet: a notebook renders it as text/html; elsewhere it shows as its text without tags. */
public record Html(String html) {
    /** {@code text} safe inside HTML text and attribute values. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String toString() {
        return html.replaceAll("<[^>]+>", "").replace("&middot;", "·").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&");
    }
}
