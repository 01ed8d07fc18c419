package dev.tlkit.nn.bert;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.core.Linear;
import dev.tlkit.nn.ParameterValues;
import dev.tlkit.nn.StagedBackbone;
import dev.tlkit.nn.onnx.OnnxModel;
import dev.tlkit.nn.onnx.OnnxTensor;
import java.util.Map;

/**
 * A BERT encoder as stages the kit can freeze and open one by one: "embeddings", then "layer 1" to "layer N" (each
 * reads and gives hidden states and the attention mask). {@link #loadWeights} copies a Hugging Face BERT's weights
 * from an ONNX export into it.
 */
public final class BertEncoder {
    private final BertConfig config;
    private final StagedBackbone stages;
    private final BertEmbeddings embeddings;
    private final BertLayer[] layers;

    private BertEncoder(BertConfig config) {
        this.config = config;
        this.stages = new StagedBackbone();
        this.embeddings = new BertEmbeddings(config);
        this.layers = new BertLayer[config.layers()];
        stages.add("embeddings", embeddings);
        for (int i = 0; i < layers.length; i++) {
            layers[i] = new BertLayer(config);
            stages.add("layer " + (i + 1), layers[i]);
        }
    }

    /** A new encoder of {@code config}'s sizes; its parameters are set when a network initialises it. */
    public static BertEncoder of(BertConfig config) {
        return new BertEncoder(config);
    }

    public BertConfig config() {
        return config;
    }

    /** The stages (embeddings, then the layers), a block to put in a network. */
    public StagedBackbone stages() {
        return stages;
    }

    /**
     * Copies the weights of a Hugging Face {@code BertModel} exported to ONNX into this (initialised) encoder. Names
     * follow Hugging Face ({@code encoder.layer.0.attention.self.query.bias}); a weight matrix is read either under
     * its own name ({@code ...query.weight}, [out, in]) or, as PyTorch's exporter renames them, through the MatMul
     * node that names its layer ({@code onnx::MatMul_787}, stored [in, out]).
     */
    public void loadWeights(OnnxModel model) {
        Map<String, OnnxTensor> matMuls = model.matMulWeightsByLayer();
        embedding(model, "embeddings.word_embeddings", embeddings.words);
        embedding(model, "embeddings.position_embeddings", embeddings.positions);
        embedding(model, "embeddings.token_type_embeddings", embeddings.types);
        norm(model, "embeddings.LayerNorm", embeddings.norm);
        for (int i = 0; i < layers.length; i++) {
            String prefix = "encoder.layer." + i + ".";
            BertLayer layer = layers[i];
            linear(model, matMuls, prefix + "attention.self.query", layer.query);
            linear(model, matMuls, prefix + "attention.self.key", layer.key);
            linear(model, matMuls, prefix + "attention.self.value", layer.value);
            linear(model, matMuls, prefix + "attention.output.dense", layer.attentionOutput);
            norm(model, prefix + "attention.output.LayerNorm", layer.attentionNorm);
            linear(model, matMuls, prefix + "intermediate.dense", layer.intermediate);
            linear(model, matMuls, prefix + "output.dense", layer.output);
            norm(model, prefix + "output.LayerNorm", layer.outputNorm);
        }
    }

    private static void embedding(OnnxModel model, String name, IdLookup block) {
        OnnxTensor table = model.initializer(name + ".weight");
        ParameterValues.write(block.table(), table.floats(), table.shape(), table.name());
    }

    private static void norm(OnnxModel model, String name, LayerNorm block) {
        ParameterValues.write(parameter(block, "gamma"), model.initializer(name + ".weight").floats(), name + ".weight");
        ParameterValues.write(parameter(block, "beta"), model.initializer(name + ".bias").floats(), name + ".bias");
    }

    private static void linear(OnnxModel model, Map<String, OnnxTensor> matMuls, String name, Linear block) {
        Parameter weight = parameter(block, "weight");
        if (model.initializerNames().contains(name + ".weight")) {
            OnnxTensor w = model.initializer(name + ".weight");
            ParameterValues.write(weight, w.floats(), w.shape(), w.name());
        } else {
            OnnxTensor w = matMuls.get(name);
            if (w == null) {
                throw new IllegalArgumentException("the ONNX model has no weight for " + name + " (neither an initializer "
                        + name + ".weight nor a MatMul node named /" + name.replace('.', '/') + "/MatMul)");
            }
            long[] shape = w.shape();
            ParameterValues.write(weight, w.transposedFloats(), new long[] {shape[1], shape[0]},
                    w.name() + " (the MatMul of " + name + ")");
        }
        ParameterValues.write(parameter(block, "bias"), model.initializer(name + ".bias").floats(), name + ".bias");
    }

    private static Parameter parameter(Block block, String name) {
        Parameter parameter = block.getParameters().get(name);
        if (parameter == null) {
            throw new IllegalStateException(block + " has no parameter " + name + " (it has "
                    + block.getParameters().keys() + ")");
        }
        return parameter;
    }
}
