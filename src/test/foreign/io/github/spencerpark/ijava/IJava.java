package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for IJava 1.3.0 in ForeignKernelIT (IJava is on no registry this project can reach). It reproduces
 * what the kit meets on IJava: a kernel whose own classpath is basekernel 2.3.0 with its dependencies (Gson 2.8.5),
 * JShell executing in the kernel's JVM with a class loader that asks the kernel's classpath first, the notebook's
 * jars added from {@code IJAVA_CLASSPATH}, IJava's static entry point {@link #getKernelInstance()} and its
 * {@code display} functions. It is compiled by the test against that classpath alone: it knows nothing of the kit.
 */
public final class IJava {
    private static BaseKernel kernel;

    private IJava() {
    }

    /** As IJava's: the running kernel, for libraries that register renderers or display values. */
    public static BaseKernel getKernelInstance() {
        return kernel;
    }

    public static void main(String[] args) throws Exception {
        String contents = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        JupyterConnection connection = new JupyterConnection(KernelConnectionProperties.parse(contents));
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        kernel = new JShellKernel(System.getenv().getOrDefault("IJAVA_CLASSPATH", ""));
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }
}
