package dev.tlkit.kernel;

import dev.tlkit.viz.Display;
import java.util.Optional;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * The kit's display and renderers on JJava, whose kernel API is basekernel's renamed ({@code org.dflib.jjava.jupyter}):
 * values rendered by JJava's renderer with the kit's {@link RichOutputs} registered, sent as display data through
 * {@link NotebookDisplay}. Only {@link JJavaFinder} touches this class, and only when JJava's classes are there.
 */
final class JJavaDisplay implements NotebookDisplay.Output {
    private final BaseKernel kernel;

    private JJavaDisplay(BaseKernel kernel) {
        this.kernel = kernel;
    }

    /** JJava's running kernel, if a notebook runs on it now. */
    static Optional<Object> runningKernel() {
        try {
            return Optional.of(BaseKernel.notebookKernel());
        } catch (NullPointerException e) {
            return Optional.empty();   // JJava is there but no notebook runs (JJava's own words for it)
        }
    }

    static Display of(Object kernel) {
        return new NotebookDisplay(new JJavaDisplay((BaseKernel) kernel));
    }

    static void registerRenderers(Object kernel) {
        Renderer renderer = ((BaseKernel) kernel).getRenderer();
        for (RichOutputs.Kind kind : RichOutputs.KINDS) {
            register(renderer, kind.type(), kind);
        }
    }

    private static <T> void register(Renderer renderer, Class<T> type, RichOutputs.Kind kind) {
        renderer.createRegistration(type)
                .preferring(kind.preferred().stream().map(MIMEType::parse).toArray(MIMEType[]::new))
                .register((value, context) -> RichOutputs.bundle(value)
                        .forEach((mime, data) -> context.renderIfRequested(MIMEType.parse(mime), requested -> data)));
    }

    @Override
    public boolean attached() {
        return kernel.getIO().display.isAttached();
    }

    @Override
    public void show(Object value, String id) {
        DisplayData data = kernel.getRenderer().render(value);
        data.setDisplayId(id);
        kernel.display(data);
    }

    @Override
    public void update(String id, Object value) {
        kernel.getIO().display.updateDisplay(id, kernel.getRenderer().render(value));
    }
}
