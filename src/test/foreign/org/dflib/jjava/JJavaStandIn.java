package org.dflib.jjava;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import standin.Snippets;

/**
 * A stand-in for JJava in ForeignKernelIT (JJava's kernel is on no registry this project reaches; its kernel API,
 * jjava-jupyter 1.0-a6, is): a kernel built on JJava's {@link BaseKernel} with the dependency set of that API, the
 * notebook's jars from {@code JJAVA_CLASSPATH}, JShell in the kernel's JVM, JJava's notebook kernel
 * ({@code BaseKernel.notebookKernel()}) and its display functions ({@code BaseNotebookStatics}).
 */
public final class JJavaStandIn extends BaseKernel {
    private final Snippets snippets;

    private JJavaStandIn(String classpath) throws Exception {
        super("JJava stand-in", "1.0-a6", new LanguageInfo.Builder("Java").version(Runtime.version().toString())
                        .mimetype("text/x-java-source").fileExtension(".jshell").pygments("java")
                        .codemirror("text/x-java").build(), List.of(), null, new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(), new Renderer(), null, null, false, new StringStyler.Builder().build());
        snippets = new Snippets(classpath,
                List.of("import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;"));
    }

    public static void main(String[] args) throws Exception {
        String contents = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        JupyterConnection connection = new JupyterConnection(KernelConnectionProperties.parse(contents));
        JJavaStandIn kernel = new JJavaStandIn(System.getenv().getOrDefault("JJAVA_CLASSPATH", ""));
        kernel.installNotebookKernel();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }

    @Override
    public Object evalRaw(String code) {
        try {
            return snippets.eval(code).orElse(null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return null;
    }

    @Override
    public String isComplete(String code) {
        return IS_COMPLETE_MAYBE;
    }
}
