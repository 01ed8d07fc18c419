package dev.tlkit.viz;

import java.util.Locale;

/**
 * A progress bar that updates in place under the running cell (one output, not hundreds of lines),
 * at most a few times a second. Outside a notebook it stays silent.
 */
public final class ProgressBar {
    private static final long MIN_INTERVAL_NANOS = 250_000_000L;

    private final Display display;
    private final String label;
    private final int total;
    private final String displayId;
    private final long start = System.nanoTime();
    private long lastUpdate;
    private int done;

    private ProgressBar(Display display, String label, int total, String displayId) {
        this.display = display;
        this.label = label;
        this.total = Math.max(1, total);
        this.displayId = displayId;
    }

    /** Shows an empty bar for {@code total} steps on the current display (or nothing outside a notebook). */
    public static ProgressBar start(String label, int total) {
        Display display = Display.current();
        String id = display.isNotebook() ? display.show(new Html(render(label, 0, total, "starting", 0))) : null;
        return new ProgressBar(display, label, total, id);
    }

    /** True when the next {@link #update} would be drawn (so callers can skip computing a costly status). */
    public boolean due() {
        return displayId != null && System.nanoTime() - lastUpdate >= MIN_INTERVAL_NANOS;
    }

    /** Moves the bar to {@code done} steps with a status such as "epoch 3/10, loss 0.41". */
    public void update(int done, String status) {
        this.done = done;
        if (!due()) {
            return;
        }
        lastUpdate = System.nanoTime();
        display.update(displayId, new Html(render(label, done, total, status, seconds())));
    }

    /** One more step done. */
    public void step(String status) {
        update(done + 1, status);
    }

    /** Fills the bar and shows the final status. */
    public void finish(String status) {
        if (displayId != null) {
            display.update(displayId, new Html(render(label, total, total, status, seconds())));
        }
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String render(String label, int done, int total, String status, double seconds) {
        return String.format(Locale.ROOT,
                "<div style=\"font-family:monospace\">%s <progress value=\"%d\" max=\"%d\" style=\"width:40%%\"></progress>"
                        + " %d/%d &middot; %s &middot; %.1f s</div>",
                Html.escape(label), done, total, done, total, Html.escape(status), seconds);
    }
}
