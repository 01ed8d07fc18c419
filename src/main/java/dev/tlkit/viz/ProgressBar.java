package dev.tlkit.viz;

import dev.tlkit.kernel.Display;

/**
 * A progress bar that updates in place under the running cell (one output, not hundreds of lines),
 * at most a few times a second. Outside a notebook it stays silent.
 */
public final class ProgressBar {
    private static final long MIN_INTERVAL_NANOS = 250_000_000L;

    private final String label;
    private final int total;
    private final String displayId;
    private final long start = System.nanoTime();
    private long lastUpdate;

    private ProgressBar(String label, int total, String displayId) {
        this.label = label;
        this.total = Math.max(1, total);
        this.displayId = displayId;
    }

    /** Shows an empty bar for {@code total} steps (or nothing outside a notebook). */
    public static ProgressBar start(String label, int total) {
        String id = Display.inNotebook() ? Display.display(new Html(render(label, 0, total, "starting", 0))) : null;
        return new ProgressBar(label, total, id);
    }

    /** Moves the bar to {@code done} steps with a status such as "epoch 3/10, loss 0.41". */
    public void update(int done, String status) {
        long now = System.nanoTime();
        if (displayId == null || now - lastUpdate < MIN_INTERVAL_NANOS) {
            return;
        }
        lastUpdate = now;
        Display.updateDisplay(displayId, new Html(render(label, done, total, status, seconds())));
    }

    /** Fills the bar and shows the final status. */
    public void finish(String status) {
        if (displayId != null) {
            Display.updateDisplay(displayId, new Html(render(label, total, total, status, seconds())));
        }
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String render(String label, int done, int total, String status, double seconds) {
        return String.format(java.util.Locale.ROOT,
                "<div style=\"font-family:monospace\">%s <progress value=\"%d\" max=\"%d\" style=\"width:40%%\"></progress>"
                        + " %d/%d &middot; %s &middot; %.1f s</div>",
                escape(label), done, total, done, total, escape(status), seconds);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** An HTML snippet; the kernel renders it as text/html. */
    public record Html(String html) {
        @Override
        public String toString() {
            return html.replaceAll("<[^>]+>", "");
        }
    }
}
