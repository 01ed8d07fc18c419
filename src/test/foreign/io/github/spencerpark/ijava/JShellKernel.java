package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.IOException;
import java.util.List;
import standin.Snippets;

/** The IJava stand-in's kernel: a cell's last value rendered by the kernel's renderer, IJava's display functions. */
final class JShellKernel extends BaseKernel {
    private final Snippets snippets;

    JShellKernel(String classpath) throws IOException {
        snippets = new Snippets(classpath, List.of("import static io.github.spencerpark.ijava.runtime.Display.*;"));
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        return snippets.eval(code).map(getRenderer()::render).orElse(null);
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("Java").version(Runtime.version().toString()).mimetype("text/x-java-source")
                .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build();
    }
}
