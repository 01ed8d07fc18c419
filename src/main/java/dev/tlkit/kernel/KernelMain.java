package dev.tlkit.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the kernel: {@code java dev.tlkit.kernel.KernelMain CONNECTION_FILE}, as written in the
 * kernel.json that {@link KernelSpec} produces.
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java dev.tlkit.kernel.KernelMain CONNECTION_FILE"
                    + "  (Jupyter passes the file; install the kernel with ./kit install-kernel)");
            System.exit(2);
        }
        String contents = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        KernelConnectionProperties properties = KernelConnectionProperties.parse(contents);
        JupyterConnection connection = new JupyterConnection(properties);

        quietProtocolLogging();
        KitKernel kernel = new KitKernel(System.getProperty("java.class.path"));
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }

    /** The base kernel logs every socket event at INFO (on top-level loggers); keep the Jupyter console readable. */
    private static void quietProtocolLogging() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }
}
