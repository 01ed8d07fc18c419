package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.UUID;

/** IJava's display functions, imported statically into every cell: the kernel's renderer, the kernel's output. */
public final class Display {
    private Display() {
    }

    public static String display(Object value) {
        DisplayData data = IJava.getKernelInstance().getRenderer().render(value);
        String id = UUID.randomUUID().toString();
        data.setDisplayId(id);
        IJava.getKernelInstance().display(data);
        return id;
    }

    public static void updateDisplay(String id, Object value) {
        IJava.getKernelInstance().getIO().display.updateDisplay(id, IJava.getKernelInstance().getRenderer().render(value));
    }
}
