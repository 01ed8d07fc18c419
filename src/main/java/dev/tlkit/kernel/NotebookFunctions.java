package dev.tlkit.kernel;

import dev.tlkit.viz.Display;

/**
 * The display functions a notebook cell calls, with IJava's names (the kernel imports them statically into
 * every notebook): {@code display(obj)} shows a value inline and returns its display id;
 * {@code updateDisplay(id, obj)} replaces that output in place.
 */
public final class NotebookFunctions {
    private NotebookFunctions() {
    }

    /** Shows {@code value} below the cell; returns the id that {@link #updateDisplay} takes. */
    public static String display(Object value) {
        return Display.current().show(value);
    }

    /** Replaces the output shown under {@code id} by {@code value}. */
    public static void updateDisplay(String id, Object value) {
        Display.current().update(id, value);
    }
}
