package dev.tlkit.kernel;

import dev.tlkit.viz.Display;
import java.util.Optional;

/**
 * {@link Display.Finder} for JJava (IJava's successor): when the kit runs inside JJava's kernel, the display is that
 * kernel ({@link JJavaDisplay}), and the kit's renderers are registered with its renderer the first time. JJava's
 * classes are looked up by name first: on any other kernel they are absent and this finder finds nothing.
 */
public final class JJavaFinder implements Display.Finder {
    static final String JJAVA_KERNEL = "org.dflib.jjava.jupyter.kernel.BaseKernel";
    /** The kernel the renderers were registered with (one per notebook: the kit is loaded once per kernel). */
    private Object registeredWith;

    @Override
    public synchronized Optional<Display> find() {
        try {
            Class.forName(JJAVA_KERNEL, false, JJavaFinder.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();   // not JJava
        }
        Optional<Object> kernel = JJavaDisplay.runningKernel();
        kernel.filter(k -> k != registeredWith).ifPresent(k -> {
            JJavaDisplay.registerRenderers(k);
            registeredWith = k;
        });
        return kernel.map(JJavaDisplay::of);
    }
}
