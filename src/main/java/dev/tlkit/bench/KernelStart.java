package dev.tlkit.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tlkit.kernel.KernelSpec;
import dev.tlkit.notebooks.PythonScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seconds from starting the kit's Jupyter kernel to the result of its first tensor operation: cold
 * (an empty DJL cache, so libtorch is unpacked first, as on a first run) and warm.
 */
public final class KernelStart {
    private static final PythonScript SCRIPT = PythonScript.of("/dev/tlkit/bench/kernel_start.py");

    /** The cold start and the warm starts, each until the first tensor operation returned. */
    public record Result(Measurement cold, Measurement warm, Measurement warmReady) {
    }

    private KernelStart() {
    }

    /** Starts the kernel installed for {@code projectDir} (its target/jupyter) once cold, then {@code warmRuns} times. */
    public static Result measure(Path projectDir, int warmRuns) throws java.io.IOException {
        Path jupyterPath = KernelSpec.projectJupyterPath(projectDir);
        JsonObject json = SCRIPT.jsonOutput(List.of("--kernel", KernelSpec.NAME, "--warm", String.valueOf(warmRuns)),
                Map.of("JUPYTER_PATH", jupyterPath.toString()), 900);
        List<Double> warm = new ArrayList<>();
        List<Double> ready = new ArrayList<>();
        for (JsonElement run : json.getAsJsonArray("warm")) {
            warm.add(run.getAsJsonObject().get("first_tensor_seconds").getAsDouble());
            ready.add(run.getAsJsonObject().get("ready_seconds").getAsDouble());
        }
        double cold = json.getAsJsonObject("cold").get("first_tensor_seconds").getAsDouble();
        return new Result(new Measurement("kernel start to first tensor, cold", "s", List.of(cold)),
                new Measurement("kernel start to first tensor, warm", "s", warm),
                new Measurement("kernel start to ready, warm", "s", ready));
    }
}
