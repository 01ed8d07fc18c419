package dev.tlkit.kernel;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/**
 * The kit's rich output ({@link RichOutputs}) registered with a basekernel renderer: the kit's kernel's and IJava's.
 * ({@code BufferedImage} already renders as PNG through the base kernel.)
 */
public final class KitRenderers {
    private KitRenderers() {
    }

    public static void registerAll(Renderer renderer) {
        for (RichOutputs.Kind kind : RichOutputs.KINDS) {
            register(renderer, kind.type(), kind);
        }
    }

    private static <T> void register(Renderer renderer, Class<T> type, RichOutputs.Kind kind) {
        renderer.createRegistration(type)
                .preferring(kind.preferred().stream().map(MIMEType::parse).toArray(MIMEType[]::new))
                .register((value, context) -> RichOutputs.bundle(value)
                        .forEach((mime, data) -> context.renderIfRequested(MIMEType.parse(mime), () -> data)));
    }
}
