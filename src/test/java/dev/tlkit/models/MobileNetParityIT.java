package dev.tlkit.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tlkit.data.ImageSet;
import dev.tlkit.data.Manifest;
import dev.tlkit.data.Tasks;
import dev.tlkit.notebooks.NodeScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kit's MobileNetV2 is the same network as the one in the nsfwjs package: TensorFlow.js itself (pure JavaScript
 * CPU backend, its own loader and dequantisation) runs the package's model on the same images, and after the stem
 * (Conv1), after a residual block (block_2) and after block_10 the DJL outputs equal TensorFlow.js's to within
 * 1e-4 of the layer's largest value, at 96 and at 64 pixels.
 */
class MobileNetParityIT {
    private static final Path PROJECT = Path.of(System.getProperty("kit.project.dir", ".")).toAbsolutePath().normalize();
    /** Keras layer -> the kit's block whose output it is. */
    private static final Map<String, Integer> LAYERS = new LinkedHashMap<>();
    static final double RELATIVE_TOLERANCE = 1e-4;

    static {
        LAYERS.put("Conv1_relu", 0);
        LAYERS.put("block_2_add", 3);
        LAYERS.put("block_10_project_BN", 11);
    }

    @Test
    void djlMatchesTensorFlowJsAt96And64Pixels() throws Exception {
        ImageSet images = Tasks.fashionClothesToRest().test().head(3).concat(Tasks.mnistDigits().test().head(3), "mixed");
        for (int size : new int[] {96, 64}) {
            JsonObject reference = tensorFlowJs(images, size);
            try (ImagenetMobileNet djl = ImagenetMobileNet.load(size)) {
                assertEquals(List.of("Conv1", "expanded_conv", "block_1", "block_2", "block_3", "block_4", "block_5",
                        "block_6", "block_7", "block_8", "block_9", "block_10"), djl.blockNames());
                for (var layer : LAYERS.entrySet()) {
                    JsonObject ref = reference.getAsJsonObject(layer.getKey());
                    JsonArray shape = ref.getAsJsonArray("shape");   // N, H, W, C
                    int h = shape.get(1).getAsInt();
                    int w = shape.get(2).getAsInt();
                    int c = shape.get(3).getAsInt();
                    JsonArray values = ref.getAsJsonArray("values");
                    double largest = 0;
                    for (var v : values) {
                        largest = Math.max(largest, Math.abs(v.getAsDouble()));
                    }
                    double worst = 0;
                    for (int i = 0; i < images.size(); i++) {
                        float[][][] maps = djl.activations(images, i, layer.getValue());
                        assertArrayEquals(new int[] {c, h, w}, new int[] {maps.length, maps[0].length, maps[0][0].length},
                                layer.getKey() + " shape at " + size + " px");
                        for (int y = 0; y < h; y++) {
                            for (int x = 0; x < w; x++) {
                                for (int k = 0; k < c; k++) {
                                    double tfjs = values.get(((i * h + y) * w + x) * c + k).getAsDouble();
                                    worst = Math.max(worst, Math.abs(maps[k][y][x] - tfjs));
                                }
                            }
                        }
                    }
                    System.out.printf("[parity] %d px, %s: max |DJL - TF.js| = %.3g, max |TF.js| = %.3g, ratio %.2g%n",
                            size, layer.getKey(), worst, largest, worst / largest);
                    assertTrue(worst <= RELATIVE_TOLERANCE * largest, layer.getKey() + " at " + size + " px differs by "
                            + worst + ", more than " + RELATIVE_TOLERANCE + " x " + largest);
                }
            }
        }
    }

    /** Runs the reference script with node on the package's model; returns its outputs by layer. */
    private static JsonObject tensorFlowJs(ImageSet images, int size) {
        List<float[]> pixels = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            pixels.add(images.imageAsFloats(i));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("modelDir", Manifest.load().model(ImagenetMobileNet.NAME).source().location().toString());
        request.put("size", size);
        request.put("layers", List.copyOf(LAYERS.keySet()));
        request.put("images", pixels);
        return NodeScript.of(PROJECT, "tfjs_mobilenet.mjs").run(request, PROJECT.resolve("target/parity/" + size), 600);
    }
}
