package dev.tlkit.viz;

import dev.tlkit.kernel.Display;

/**
 * A result that knows how to show itself in a notebook: a table, a chart or a picture.
 * Ending a cell with such a result, or calling {@link #show()}, displays {@link #view()} inline.
 */
public interface Showable {

    /** What to display: a Tablesaw {@code Table}, an XChart chart, a {@code BufferedImage} or text. */
    Object view();

    /** Displays {@link #view()} in the notebook (or prints it as text outside one). */
    default void show() {
        Display.display(view());
    }
}
