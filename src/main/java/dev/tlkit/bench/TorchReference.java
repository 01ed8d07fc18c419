package dev.tlkit.bench;

import com.google.gson.JsonObject;
import dev.tlkit.notebooks.PythonScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The same CNN, batch and thread count trained in Python PyTorch (Debian's {@code python3-torch}),
 * as the reference for the kit's DJL training speed.
 */
public final class TorchReference {
    private static final PythonScript SCRIPT = PythonScript.of("/dev/tlkit/bench/torch_cnn.py");

    /** What the Python run measured and which PyTorch build it used. */
    public record Result(Measurement throughput, String version, String blas, int threads) {
        public String describe() {
            return "PyTorch " + version + " (Debian python3-torch, BLAS " + blas + ", " + threads + " threads)";
        }
    }

    private TorchReference() {
    }

    /**
     * Trains for {@code epochs} timed epochs (after one warm-up) over {@code images} random images.
     *
     * @throws IllegalStateException if Python or PyTorch is missing, saying what to install
     */
    public static Result trainingThroughput(int images, int batch, int threads, int epochs) {
        JsonObject json;
        try {
            json = SCRIPT.jsonOutput(List.of("--images", String.valueOf(images), "--batch", String.valueOf(batch),
                    "--threads", String.valueOf(threads), "--epochs", String.valueOf(epochs),
                    "--width", String.valueOf(CnnTraining.WIDTH)), Map.of(), 3600);
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains("No module named 'torch'")) {
                throw new IllegalStateException("Python PyTorch is missing: install it with sudo apt-get install"
                        + " python3-torch (the benchmark compares the kit's DJL training with it)", e);
            }
            throw e;
        }
        List<Double> rates = new ArrayList<>();
        json.getAsJsonArray("images_per_second").forEach(v -> rates.add(v.getAsDouble()));
        return new Result(new Measurement("PyTorch training, batch " + batch, "img/s", rates),
                json.get("torch").getAsString(), json.get("blas").getAsString(), json.get("threads").getAsInt());
    }
}
