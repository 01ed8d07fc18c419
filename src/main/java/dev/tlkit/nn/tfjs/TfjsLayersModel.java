package dev.tlkit.nn.tfjs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TensorFlow.js layers model as an npm package ships it (its {@code model.json} and weight shards, here wrapped
 * in browserified {@code .min.js} files): the Keras topology, and every weight tensor, dequantized where the
 * weights manifest says it was quantized ({@code value = min + scale * q} for 8-bit weights).
 *
 * @param topology the Keras model topology ({@code modelTopology.model_config})
 * @param weights  the tensors by name, in the manifest's order
 */
public record TfjsLayersModel(JsonObject topology, Map<String, Tensor> weights) {

    /** One weight tensor: its name, shape (TensorFlow's layout) and values. */
    public record Tensor(String name, long[] shape, float[] values) {
        public long size() {
            long size = 1;
            for (long d : shape) {
                size *= d;
            }
            return size;
        }
    }

    public TfjsLayersModel {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /**
     * Reads {@code modelFile} in {@code folder} and the weight shards its manifest lists (by their names with
     * {@code shardSuffix} appended, e.g. ".min.js").
     */
    public static TfjsLayersModel read(Path folder, String modelFile, String shardSuffix) {
        JsonObject model = JsLiteral.after(readText(folder.resolve(modelFile)), "exports=", modelFile).getAsJsonObject();
        if (!model.has("modelTopology") || !model.has("weightsManifest")) {
            throw new IllegalArgumentException(modelFile + " has no modelTopology or weightsManifest: not a"
                    + " TensorFlow.js layers model");
        }
        JsonObject topology = model.getAsJsonObject("modelTopology").getAsJsonObject("model_config");
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (JsonElement group : model.getAsJsonArray("weightsManifest")) {
            ByteBuffer bytes = shards(folder, group.getAsJsonObject().getAsJsonArray("paths"), shardSuffix);
            for (JsonElement spec : group.getAsJsonObject().getAsJsonArray("weights")) {
                Tensor tensor = tensor(spec.getAsJsonObject(), bytes, modelFile);
                weights.put(tensor.name(), tensor);
            }
            if (bytes.hasRemaining()) {
                throw new IllegalArgumentException("the weight shards of " + modelFile + " hold " + bytes.remaining()
                        + " bytes more than its manifest describes: they belong to another model");
            }
        }
        return new TfjsLayersModel(topology, weights);
    }

    /** The Keras layers of the topology, in order. */
    public List<JsonObject> layers() {
        List<JsonObject> layers = new ArrayList<>();
        topology.getAsJsonObject("config").getAsJsonArray("layers").forEach(l -> layers.add(l.getAsJsonObject()));
        return layers;
    }

    /** The tensor called {@code name}, e.g. "Conv1/kernel". */
    public Tensor weight(String name) {
        Tensor tensor = weights.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("the model has no weight '" + name + "'");
        }
        return tensor;
    }

    private static Tensor tensor(JsonObject spec, ByteBuffer bytes, String source) {
        String name = spec.get("name").getAsString();
        JsonArray shapeJson = spec.getAsJsonArray("shape");
        long[] shape = new long[shapeJson.size()];
        long size = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeJson.get(i).getAsLong();
            size *= shape[i];
        }
        float[] values = new float[Math.toIntExact(size)];
        String dtype = spec.get("dtype").getAsString();
        JsonObject quantization = spec.has("quantization") ? spec.getAsJsonObject("quantization") : null;
        try {
            if (quantization != null && quantization.get("dtype").getAsString().equals("uint8")) {
                float min = quantization.get("min").getAsFloat();
                float scale = quantization.get("scale").getAsFloat();
                for (int i = 0; i < values.length; i++) {
                    values[i] = min + scale * (bytes.get() & 0xff);
                }
            } else if (quantization == null && dtype.equals("float32")) {
                bytes.asFloatBuffer().get(values);
                bytes.position(bytes.position() + 4 * values.length);
            } else {
                throw new IllegalArgumentException(source + ": the weight " + name + " is " + dtype
                        + (quantization == null ? "" : " quantized as " + quantization.get("dtype").getAsString())
                        + "; only float32 and 8-bit quantized weights are read");
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("the weight shards of " + source + " end before the weight " + name
                    + ": a shard is truncated", e);
        }
        return new Tensor(name, shape, values);
    }

    /** The shards of one weight group, concatenated (each a base64 string in a browserified module). */
    private static ByteBuffer shards(Path folder, JsonArray paths, String suffix) {
        List<byte[]> parts = new ArrayList<>();
        int total = 0;
        for (JsonElement path : paths) {
            String file = path.getAsString() + suffix;
            String base64 = JsLiteral.after(readText(folder.resolve(file)), "exports=", file).getAsString();
            byte[] part = Base64.getDecoder().decode(base64);
            parts.add(part);
            total += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        parts.forEach(all::put);
        return all.flip();
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
