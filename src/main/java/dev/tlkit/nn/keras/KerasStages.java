package dev.tlkit.nn.keras;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tlkit.nn.ParameterValues;
import dev.tlkit.nn.StagedBackbone;
import dev.tlkit.nn.tfjs.TfjsLayersModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a DJL network from the Keras topology of a TensorFlow.js layers model — the layers the file marks
 * {@code trainable: false} (the pre-trained part a publisher kept frozen) — as stages that can be frozen and
 * opened one by one: a stage per Keras block ({@code block_<n>_...}, {@code expanded_conv...}), the layers before
 * the first block forming the stem. Channels-last Keras weights are laid out for DJL's channels-first layers:
 * kernels HWIO to OIHW, depthwise kernels [kh, kw, C, 1] to a grouped convolution [C, 1, kh, kw].
 */
public final class KerasStages {
    private static final Pattern BLOCK = Pattern.compile("(block_\\d+|expanded_conv)");

    private final StagedBackbone stages;
    private final Map<String, KerasGraph> stageOfLayer;

    private KerasStages(StagedBackbone stages, Map<String, KerasGraph> stageOfLayer) {
        this.stages = stages;
        this.stageOfLayer = stageOfLayer;
    }

    /** The frozen-in-file part of {@code model}, as stages with freshly created (not yet initialised) DJL layers. */
    public static KerasStages frozenPart(TfjsLayersModel model, BatchNormMode mode) {
        List<JsonObject> layers = frozenLayers(model);
        StagedBackbone stages = new StagedBackbone();
        Map<String, KerasGraph> stageOfLayer = new LinkedHashMap<>();
        String previousOutput = layers.get(0).get("name").getAsString();
        KerasGraph current = null;
        String currentStage = null;
        for (JsonObject layer : layers.subList(1, layers.size())) {
            String name = layer.get("name").getAsString();
            String stage = stageName(name, currentStage, layers);
            if (!stage.equals(currentStage)) {
                if (current != null) {
                    stages.add(currentStage, current);
                    previousOutput = current.output();
                }
                current = new KerasGraph(previousOutput);
                currentStage = stage;
            }
            String className = layer.get("class_name").getAsString();
            List<String> inputs = inbound(layer);
            if (className.equals("Add")) {
                current.add(name, inputs);
            } else {
                boolean norm = className.equals("BatchNormalization");
                current.layer(name, KerasLayers.block(layer, model, mode), inputs.get(0),
                        norm && mode == BatchNormMode.PRETRAINED);
                stageOfLayer.put(name, current);
            }
        }
        stages.add(currentStage, current);
        return new KerasStages(stages, stageOfLayer);
    }

    /** The stem (before the first Keras block) is named after its first convolution, e.g. "Conv1". */
    private static String stageName(String layer, String current, List<JsonObject> layers) {
        Matcher m = BLOCK.matcher(layer);
        if (m.find()) {
            return m.group(1);
        }
        if (current != null && !BLOCK.matcher(current).matches()) {
            return current;
        }
        return layers.stream().filter(l -> l.get("class_name").getAsString().equals("Conv2D")).findFirst()
                .map(l -> l.get("name").getAsString()).orElse(layer);
    }

    /** The input layer and every layer after it that the file marks not trainable, up to the first trainable one. */
    private static List<JsonObject> frozenLayers(TfjsLayersModel model) {
        List<JsonObject> all = model.layers();
        if (all.isEmpty() || !all.get(0).get("class_name").getAsString().equals("InputLayer")) {
            throw new IllegalArgumentException("the model does not start with an InputLayer");
        }
        List<JsonObject> frozen = new ArrayList<>(List.of(all.get(0)));
        for (JsonObject layer : all.subList(1, all.size())) {
            JsonObject config = layer.getAsJsonObject("config");
            if (!config.has("trainable") || config.get("trainable").getAsBoolean()) {
                break;
            }
            frozen.add(layer);
        }
        if (frozen.size() < 2) {
            throw new IllegalArgumentException("the model marks no layer as not trainable: it has no frozen part");
        }
        return frozen;
    }

    private static List<String> inbound(JsonObject layer) {
        List<String> names = new ArrayList<>();
        JsonArray nodes = layer.getAsJsonArray("inbound_nodes");
        if (nodes.size() != 1) {
            throw new IllegalArgumentException("layer " + layer.get("name").getAsString() + " is used " + nodes.size()
                    + " times; only layers used once are supported");
        }
        for (JsonElement call : nodes.get(0).getAsJsonArray()) {
            names.add(call.getAsJsonArray().get(0).getAsString());
        }
        return names;
    }

    public StagedBackbone stages() {
        return stages;
    }

    /** The names of the Keras layers with weights, in order. */
    public List<String> layerNames() {
        return stageOfLayer.keySet().stream().filter(name -> !layer(name).getParameters().isEmpty()).toList();
    }

    /** The DJL block of Keras layer {@code name}. */
    public Block layer(String name) {
        KerasGraph stage = stageOfLayer.get(name);
        if (stage == null) {
            throw new IllegalArgumentException("no layer with weights called " + name);
        }
        return stage.block(name);
    }

    /**
     * Copies the model's weights into the (initialised) DJL layers: convolution kernels re-laid out, batch-norm
     * scale, shift and running statistics as they are.
     */
    public void loadWeights(TfjsLayersModel model) {
        for (String name : layerNames()) {
            Block block = layer(name);
            for (var entry : block.getParameters()) {
                Parameter parameter = entry.getValue();
                TfjsLayersModel.Tensor tensor = model.weight(name + "/" + KerasLayers.kerasWeightName(block, entry.getKey()));
                float[] values = block instanceof Conv2d ? KerasLayers.channelsFirst(tensor) : tensor.values();
                ParameterValues.write(parameter, values, "the weight " + tensor.name() + " (layer " + name + ")");
            }
        }
    }
}
