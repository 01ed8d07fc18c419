package dev.tlkit.kernel;

import com.google.gson.GsonBuilder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Writes the kernel's {@code kernel.json}: how Jupyter starts the kit's kernel. The launcher then
 * installs the folder with {@code jupyter kernelspec install}; the notebook tests point
 * {@code JUPYTER_PATH} at a folder of their own.
 *
 * <p>{@code java -cp ... dev.tlkit.kernel.KernelSpec PROJECT_DIR OUTPUT_DIR}
 */
public final class KernelSpec {
    /** The kernel name notebooks refer to in their metadata. */
    public static final String NAME = "java-transfer-kit";
    public static final String DISPLAY_NAME = "Java (transfer-learning kit)";

    /** The kernel's JVM options and environment, one source for kernel.json, the pom and ./kit. */
    static final String SETTINGS = "/dev/tlkit/kernel/kernel.properties";
    private static final Properties PROPERTIES = load();

    /** JVM settings for the kernel: offline DJL, headless charts, a heap that fits on Binder (see kernel.properties). */
    public static final List<String> JVM_OPTIONS = List.of(PROPERTIES.getProperty("jvm.options").trim().split("\\s+"));

    /** glibc settings measured to cut system time and keep native memory flat (see kernel.properties). */
    public static final Map<String, String> ENVIRONMENT = environment();

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = KernelSpec.class.getResourceAsStream(SETTINGS)) {
            if (in == null) {
                throw new IllegalStateException(SETTINGS + " is not on the class path: rebuild the kit with ./kit build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = new TreeMap<>();
        for (String key : PROPERTIES.stringPropertyNames()) {
            if (key.startsWith("environment.")) {
                environment.put(key.substring("environment.".length()), PROPERTIES.getProperty(key).trim());
            }
        }
        return Map.copyOf(environment);
    }

    private KernelSpec() {
    }

    /** The kernel's class path for a built project: the kit's jar and its runtime dependencies. */
    public static String classpath(Path projectDir) {
        Path target = projectDir.toAbsolutePath().normalize().resolve("target");
        return target.resolve("transfer-kit.jar") + File.pathSeparator + target.resolve("lib") + File.separator + "*";
    }

    /** Writes {@code kernel.json} into {@code outputDir}; returns its path. */
    public static Path write(Path projectDir, Path outputDir) throws IOException {
        Path jar = projectDir.toAbsolutePath().normalize().resolve("target/transfer-kit.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build the kit first (mvn -DskipTests package, or ./kit build)");
        }
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(JVM_OPTIONS);
        argv.add("-cp");
        argv.add(classpath(projectDir));
        argv.add(KernelMain.class.getName());
        argv.add("{connection_file}");

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", new TreeMap<>(ENVIRONMENT));

        Files.createDirectories(outputDir);
        Path file = outputDir.resolve("kernel.json");
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Writes this project's kernel spec into {@code target/jupyter/kernels/NAME} and returns
     * {@code target/jupyter}: with it as {@code JUPYTER_PATH}, Jupyter starts the kernel of this very
     * build, whatever other kit kernel the user installed.
     */
    public static Path projectJupyterPath(Path projectDir) throws IOException {
        Path dir = projectDir.toAbsolutePath().normalize().resolve("target/jupyter");
        write(projectDir, dir.resolve("kernels").resolve(NAME));
        return dir;
    }

    /**
     * {@code KernelSpec PROJECT_DIR OUTPUT_DIR} writes kernel.json; {@code KernelSpec --jvm-options} and
     * {@code KernelSpec --environment} print the kernel's settings one per line, so a launcher (./kit bench)
     * can run a JVM exactly as the kernel runs.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--jvm-options")) {
            JVM_OPTIONS.forEach(System.out::println);
        } else if (args.length == 1 && args[0].equals("--environment")) {
            ENVIRONMENT.forEach((key, value) -> System.out.println(key + "=" + value));
        } else if (args.length == 2) {
            System.out.println(write(Path.of(args[0]), Path.of(args[1])));
        } else {
            System.err.println("usage: KernelSpec PROJECT_DIR OUTPUT_DIR | --jvm-options | --environment");
            System.exit(2);
        }
    }
}
