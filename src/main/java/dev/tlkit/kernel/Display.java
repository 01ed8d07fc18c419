package dev.tlkit.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.UUID;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * The notebook-side display functions, with IJava's names: {@code display(obj)} shows a value
 * inline (tables as HTML, charts and images as PNG) and returns its display id;
 * {@code updateDisplay(id, obj)} replaces that output in place (used for progress bars).
 * The kernel imports them statically into every notebook. Outside a notebook (a unit test, a
 * command-line run) they print a text form to standard output instead.
 */
public final class Display {
    private static volatile KitKernel kernel;

    private Display() {
    }

    static void attach(KitKernel active) {
        kernel = active;
    }

    /** True while code runs inside a notebook cell of the kit's kernel. */
    public static boolean inNotebook() {
        KitKernel k = kernel;
        return k != null && k.getIO().display.isAttached();
    }

    /** Shows {@code value} below the cell; returns the id that {@link #updateDisplay} takes. */
    public static String display(Object value) {
        String id = UUID.randomUUID().toString();
        KitKernel k = kernel;
        if (k != null && k.getIO().display.isAttached()) {
            DisplayData data = k.getRenderer().render(value);
            data.setDisplayId(id);
            k.display(data);
        } else {
            System.out.println(textOf(value));
        }
        return id;
    }

    /** Replaces the output shown under {@code id} by {@code value}. */
    public static void updateDisplay(String id, Object value) {
        KitKernel k = kernel;
        if (k != null && k.getIO().display.isAttached()) {
            k.getIO().display.updateDisplay(id, k.getRenderer().render(value));
        }
    }

    /** The text form shown where there is no notebook. */
    static String textOf(Object value) {
        if (value instanceof Table table) {
            return KitRenderers.tableText(table);
        }
        if (value instanceof Chart<?, ?> chart) {
            return "[chart: " + chart.getTitle() + "]";
        }
        if (value instanceof dev.tlkit.viz.Showable showable) {
            return textOf(showable.view());
        }
        if (value instanceof java.awt.image.RenderedImage image) {
            return "[image " + image.getWidth() + "x" + image.getHeight() + "]";
        }
        return String.valueOf(value);
    }
}
