package dev.tlkit.viz;

import java.awt.image.RenderedImage;
import java.io.PrintStream;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * The display outside a notebook (a unit test, a command-line run): each value printed as text, one
 * block per value; updates are not shown.
 */
public final class TextDisplay implements Display {
    /** Tables longer than this print their first {@link #HEAD_ROWS} rows. */
    public static final int MAX_TABLE_ROWS = 60;
    public static final int HEAD_ROWS = 25;
    /** Prints to whatever {@code System.out} is when it prints (a test may have redirected it). */
    static final TextDisplay STANDARD_OUTPUT = new TextDisplay(null);

    private final PrintStream out;

    /** A display that prints to {@code out}. */
    public TextDisplay(PrintStream out) {
        this.out = out;
    }

    @Override
    public String show(Object value) {
        PrintStream stream = out == null ? System.out : out;
        stream.println(textOf(value));
        stream.flush();
        return "text";
    }

    @Override
    public void update(String id, Object value) {
        // a text stream cannot replace what it printed
    }

    @Override
    public boolean isNotebook() {
        return false;
    }

    /** The plain-text form of a result: a Showable's view, a table's rows, a chart's title, an image's size. */
    public static String textOf(Object value) {
        if (value instanceof Showable showable) {
            return textOf(showable.view());
        }
        if (value instanceof Table table) {
            return table.rowCount() > MAX_TABLE_ROWS ? table.print(HEAD_ROWS) : table.printAll();
        }
        if (value instanceof Chart<?, ?> chart) {
            return "[chart: " + chart.getTitle() + "]";
        }
        if (value instanceof RenderedImage image) {
            return "[image " + image.getWidth() + "x" + image.getHeight() + "]";
        }
        return String.valueOf(value);
    }
}
