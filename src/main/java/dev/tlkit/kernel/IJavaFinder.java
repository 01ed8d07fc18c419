package dev.tlkit.kernel;

import dev.tlkit.viz.Display;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import java.util.Optional;

/**
 * {@link Display.Finder} for IJava: when the kit runs inside IJava's kernel (loaded with {@code %jars} or
 * {@code IJAVA_CLASSPATH}), the display is IJava's kernel, found through IJava's static entry point, and the kit's
 * renderers are registered with that kernel's renderer the first time, so tables, charts and checks look as they do
 * on the kit's kernel — as the cell's last value and through {@code display(...)}. IJava is built on basekernel
 * 2.3.0, the same as the kit's kernel, so its renderer is the type the kit's renderers register with.
 */
public final class IJavaFinder implements Display.Finder {
    static final String ENTRY_POINT = "io.github.spencerpark.ijava.IJava";
    /** The kernel the renderers were registered with (one per notebook: the kit is loaded once per kernel). */
    private BaseKernel registeredWith;

    @Override
    public synchronized Optional<Display> find() {
        Optional<BaseKernel> kernel = kernel();
        kernel.filter(k -> k != registeredWith).ifPresent(k -> {
            KitRenderers.registerAll(k.getRenderer());
            registeredWith = k;
        });
        return kernel.map(NotebookDisplay::of);
    }

    /** IJava's running kernel, if this code runs inside IJava. */
    static Optional<BaseKernel> kernel() {
        try {
            Class<?> ijava = Class.forName(ENTRY_POINT, false, IJavaFinder.class.getClassLoader());
            return ijava.getMethod("getKernelInstance").invoke(null) instanceof BaseKernel running
                    ? Optional.of(running) : Optional.empty();
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();   // not IJava
        }
    }
}
