package dev.tlkit.kernel;

import com.google.gson.GsonBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** JVM settings for the kernel: offline DJL, headless charts, a heap that fits on Binder. */
    public static final List<String> JVM_OPTIONS = List.of(
            "-Dai.djl.offline=true",
            "-Dai.djl.default_engine=PyTorch",
            "-Djava.awt.headless=true",
            "-Xmx768m",
            "-XX:+UseSerialGC",
            // C1 only: on 2 cores the C2 compiler threads took CPU from PyTorch's threads; measured with
            // ./kit run: lesson 2 16.7 -> 11.3 s, 3b 36.6 -> 30.7 s, 4b 113.6 -> 99.5 s, ~70 MB less memory
            "-XX:TieredStopAtLevel=1",
            "-Xss4m",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            // DJL probes for CUDA and warns when a CUDA toolkit is installed without a GPU driver
            "-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error",
            "-Dorg.slf4j.simpleLogger.log.ai.djl.onnxruntime.engine.OrtEngine=error");

    /**
     * glibc settings measured to cut system time and speed up training (see DESIGN.md). One malloc arena:
     * with two, a kernel's native memory kept growing for a hundred lesson-like cells and more (KernelSoakIT:
     * +5 to +14 % from cell 20 to 200); with one it settled after ~30 cells, at the same training speed
     * (928-945 vs 941-949 img/s). Lesson 3 peaked at 1.7 GB with glibc's default of 8 arenas per core.
     */
    public static final Map<String, String> ENVIRONMENT = Map.of(
            "MALLOC_MMAP_THRESHOLD_", "33554432",
            "MALLOC_TRIM_THRESHOLD_", "268435456",
            "MALLOC_ARENA_MAX", "1");

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
        spec.put("env", ENVIRONMENT);

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
