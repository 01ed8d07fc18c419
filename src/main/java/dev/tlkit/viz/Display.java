package dev.tlkit.viz;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Where results show up: below the running notebook cell (rich output: tables as HTML, charts and
 * pictures as PNG), or as text on standard output outside a notebook. The kit's kernel implements it,
 * and so do adapters for other Jupyter kernels (IJava, JJava); the kit's code never holds a kernel.
 *
 * <p>{@link #current()} asks every {@link Finder} on the class path (Java's {@link ServiceLoader}) for the
 * display of the code that runs now, e.g. the kernel whose cell thread this is.
 */
public interface Display {

    /** Shows {@code value} and returns an id under which {@link #update} can replace it. */
    String show(Object value);

    /** Replaces what was shown under {@code id} (a progress bar moving on). */
    void update(String id, Object value);

    /** True for a notebook (rich output that can be updated in place); false for plain text. */
    boolean isNotebook();

    /** Finds the display of the code running now, if its environment has one. */
    interface Finder {
        Optional<Display> find();
    }

    /** The display of the running code: a notebook's, or {@link TextDisplay} on standard output. */
    static Display current() {
        for (Finder finder : Finders.ALL) {
            Optional<Display> display = finder.find();
            if (display.isPresent()) {
                return display.get();
            }
        }
        return TextDisplay.STANDARD_OUTPUT;
    }

    /** The finders, loaded once with the class loader of the kit (under IJava: the notebook's loader). */
    final class Finders {
        static final List<Finder> ALL = ServiceLoader.load(Finder.class, Display.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();

        private Finders() {
        }
    }
}
