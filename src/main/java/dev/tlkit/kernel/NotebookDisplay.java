package dev.tlkit.kernel;

import dev.tlkit.viz.Display;
import dev.tlkit.viz.TextDisplay;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.UUID;

/**
 * The display of a notebook on a basekernel kernel (the kit's, IJava's, JJava's): a value rendered by the
 * kernel's renderer (with the kit's renderers registered) and sent as display data, which {@link #update}
 * replaces in place. Between cells, when no output stream is attached, values print as text.
 */
final class NotebookDisplay implements Display {
    private final BaseKernel kernel;

    NotebookDisplay(BaseKernel kernel) {
        this.kernel = kernel;
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
        System.out.flush();   // text printed before the value shows before it
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
