package dev.tlkit.kernel;

import dev.tlkit.viz.Display;
import dev.tlkit.viz.TextDisplay;
import java.util.Optional;
import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * The display of a notebook on JJava, whose kernel API is basekernel's renamed ({@code org.dflib.jjava.jupyter}):
 * values rendered by JJava's renderer with the kit's {@link RichOutputs} registered, sent as display data. Only
 * {@link JJavaFinder} touches this class, and only when JJava's classes are there.
 */
final class JJavaDisplay implements Display {
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
        return new JJavaDisplay((BaseKernel) kernel);
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
    public String show(Object value) {
        String id = UUID.randomUUID().toString();
        if (!isNotebook()) {
            System.out.println(TextDisplay.textOf(value));
            return id;
        }
        DisplayData data = kernel.getRenderer().render(value);
        data.setDisplayId(id);
        System.out.flush();
        kernel.display(data);
        return id;
    }

    @Override
    public void update(String id, Object value) {
        if (isNotebook()) {
            kernel.getIO().display.updateDisplay(id, kernel.getRenderer().render(value));
        }
    }

    @Override
    public boolean isNotebook() {
        return kernel.getIO().display.isAttached();
    }
}
