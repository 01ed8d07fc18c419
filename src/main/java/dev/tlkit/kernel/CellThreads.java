package dev.tlkit.kernel;

import dev.tlkit.viz.Display;
import java.util.Optional;

/**
 * The thread group a kernel runs its cells in, which knows the kernel's display: code in a cell (and any
 * thread it starts, which joins the group) finds where to show results through its own thread, not through
 * a static field.
 */
final class CellThreads extends ThreadGroup {
    private final Display display;

    CellThreads(Display display) {
        super("notebook-cells");
        this.display = display;
    }

    Display display() {
        return display;
    }

    /** {@link Display.Finder} for the kit's kernel: the display of the cell thread group the caller runs in. */
    public static final class Finder implements Display.Finder {
        @Override
        public Optional<Display> find() {
            for (ThreadGroup g = Thread.currentThread().getThreadGroup(); g != null; g = g.getParent()) {
                if (g instanceof CellThreads cells) {
                    return Optional.of(cells.display());
                }
            }
            return Optional.empty();
        }
    }
}
