package dev.tlkit.viz;

/**
 * A result that knows how to show itself in a notebook: a table, a chart or a picture.
 * Ending a cell with such a result, or calling {@link #show()}, displays {@link #view()} inline.
 */
public interface Showable {

    /** What to display: a Tablesaw {@code Table}, an XChart chart, a {@code BufferedImage}, {@link Html} or text. */
    Object view();

    /** Displays {@link #view()} below the running cell (or prints it as text outside a notebook). */
    default void show() {
        Display.current().show(view());
    }
}
