package dev.tlkit.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.tlkit.nn.Network;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ONNX reader on small models written here byte by byte, as PyTorch's exporter lays them out. */
class OnnxModelTest {

    /** Protocol-buffer wire format, enough to write the messages the reader reads. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            key(field, 0);
            raw(value);
            return this;
        }

        Proto bytes(int field, byte[] value) {
            key(field, 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto value) {
            return bytes(field, value.toBytes());
        }

        Proto fixed32(int field, float value) {
            key(field, 5);
            out.writeBytes(floats(value));
            return this;
        }

        private void key(int field, int wireType) {
            raw(((long) field << 3) | wireType);
        }

        private void raw(long value) {
            while ((value & ~0x7fL) != 0) {
                out.write((int) ((value & 0x7f) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }

    private static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private static Proto tensor(String name, int dataType, long[] dims, byte[] raw) {
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        return t.varint(2, dataType).string(8, name).bytes(9, raw);
    }

    private static Proto node(String name, String op, String... inputs) {
        Proto n = new Proto();
        for (String input : inputs) {
            n.string(1, input);
        }
        return n.string(2, name + "_output_0").string(3, name).string(4, op);
    }

    /** A model with a LayerNorm weight, a renamed MatMul weight [in, out] = [2, 3], a packed float_data bias. */
    private static byte[] model(Proto... extra) {
        Proto graph = new Proto()
                .message(1, node("/encoder/layer.0/attention/self/query/MatMul", "MatMul", "x", "onnx::MatMul_7"))
                .message(1, node("/encoder/layer.0/attention/self/query/Add", "Add", "q", "encoder.layer.0.attention.self.query.bias"))
                .message(5, tensor("onnx::MatMul_7", 1, new long[] {2, 3}, floats(1, 2, 3, 4, 5, 6)))
                .message(5, new Proto().varint(1, 3).varint(2, 1).string(8, "encoder.layer.0.attention.self.query.bias")
                        .bytes(4, floats(0.5f, -0.5f, 0)))
                .message(5, tensor("embeddings.position_ids", 7, new long[] {1, 2}, new byte[16]));
        for (Proto p : extra) {
            graph.message(5, p);
        }
        return new Proto().varint(1, 6).string(2, "pytorch").message(7, graph).toBytes();
    }

    private static OnnxModel parse(byte[] bytes) {
        return OnnxModel.parse(ByteBuffer.wrap(bytes), "test.onnx");
    }

    @Test
    void readsInitializersAndNodes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.onnx");
        Files.write(file, model());
        OnnxModel model = OnnxModel.read(file);
        assertEquals(6, model.irVersion());
        assertEquals("pytorch", model.producer());
        assertEquals(2, model.nodes().size());
        assertEquals(List.of("onnx::MatMul_7", "encoder.layer.0.attention.self.query.bias", "embeddings.position_ids"),
                model.initializerNames());
        OnnxTensor w = model.initializer("onnx::MatMul_7");
        assertArrayEquals(new long[] {2, 3}, w.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, w.floats());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, w.transposedFloats(), "[in, out] read as [out, in]");
        assertArrayEquals(new float[] {0.5f, -0.5f, 0}, model.initializer("encoder.layer.0.attention.self.query.bias")
                .floats(), "float_data as well as raw_data");
        assertEquals(9, model.floatParameters(), "int64 tensors are not parameters");
    }

    private static Proto ints(String name, long... values) {
        Proto attribute = new Proto().string(1, name);
        for (long v : values) {
            attribute.varint(8, v);
        }
        return attribute;
    }

    private static byte[] longs(long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    /**
     * A CNN as tf2onnx writes one: input (1, 4, 4, 1) reshaped to (1, 1, 4, 4), a 3x3 convolution of two filters
     * padded by one, LeakyRelu(0.2), a floor of -0.4 and a 2x2 max-pool.
     */
    private static OnnxModel convChain() {
        float[] w = {1, 0, 0, 0, 1, 0, 0, 0, 1, -1, -1, -1, 0, 0, 0, 0, 0, 0};
        Proto graph = new Proto()
                .message(1, new Proto().string(1, "x").string(1, "shape").string(2, "r").string(3, "reshape").string(4, "Reshape"))
                .message(1, new Proto().string(1, "r").string(1, "w").string(1, "b").string(2, "c").string(3, "conv")
                        .string(4, "Conv").message(5, ints("kernel_shape", 3, 3)).message(5, ints("pads", 1, 1, 1, 1))
                        .message(5, new Proto().string(1, "auto_pad").string(4, "NOTSET")))
                .message(1, new Proto().string(1, "c").string(2, "l").string(3, "leaky").string(4, "LeakyRelu")
                        .message(5, new Proto().string(1, "alpha").fixed32(2, 0.2f)))
                .message(1, new Proto().string(1, "l").string(1, "floor").string(2, "m").string(3, "max").string(4, "Max"))
                .message(1, new Proto().string(1, "m").string(2, "p").string(3, "pool").string(4, "MaxPool")
                        .message(5, ints("kernel_shape", 2, 2)).message(5, ints("strides", 2, 2)))
                .message(5, tensor("shape", 7, new long[] {4}, longs(-1, 1, 4, 4)))
                .message(5, tensor("w", 1, new long[] {2, 1, 3, 3}, floats(w)))
                .message(5, tensor("b", 1, new long[] {2}, floats(0.5f, 0)))
                .message(5, tensor("floor", 1, new long[] {1}, floats(-0.4f)));
        return parse(new Proto().varint(1, 7).string(2, "tf2onnx").message(7, graph).toBytes());
    }

    @Test
    void readsNodeAttributesAndInt64Tensors() {
        OnnxModel model = convChain();
        OnnxModel.Node conv = model.nodes().get(1);
        assertArrayEquals(new long[] {3, 3}, conv.ints("kernel_shape"));
        assertArrayEquals(new long[] {1, 1, 1, 1}, conv.ints("pads", 0, 0, 0, 0));
        assertArrayEquals(new long[] {1, 1}, conv.ints("strides", 1, 1), "absent: the default");
        assertEquals("NOTSET", conv.stringAttribute("auto_pad", "VALID"));
        assertEquals(0.2f, model.nodes().get(2).floatAttribute("alpha", 0.01f));
        assertArrayEquals(new long[] {-1, 1, 4, 4}, model.initializer("shape").longs());
        assertThrows(IllegalArgumentException.class, () -> model.initializer("w").longs());
    }

    /** The chain rebuilt in DJL computes what the ONNX operators define, worked out by hand here. */
    @Test
    void rebuildsAConvolutionChainInDjl() {
        OnnxConvChain chain = OnnxConvChain.of(convChain());
        assertEquals(List.of("block 1 (1 conv)"), chain.stages().stageNames(), "one stage, ending at the pool");
        float[] image = new float[16];
        for (int i = 0; i < 16; i++) {
            image[i] = i - 8;   // rows -8..-5, -4..-1, 0..3, 4..7
        }
        try (Network network = Network.of("chain", chain.stages(), new Shape(4, 4, 1), 0)) {
            chain.loadWeights();
            try (NDManager manager = network.manager().newSubManager()) {
                float[] out = chain.stages().forward(new ParameterStore(manager, false),
                        new NDList(manager.create(image, new Shape(1, 4, 4, 1))), false).singletonOrThrow().toFloatArray();
                // filter 0 is the diagonal sum + 0.5, filter 1 minus the row above; then leaky, floor, 2x2 max
                assertArrayEquals(new float[] {-0.4f, -0.4f, 5.5f, 9.5f, 21, 18, 9, 6}, out, 1e-5f);
            }
        }
    }

    @Test
    void refusesWhatItCannotRebuild() {
        Proto graph = new Proto().message(1, node("/softmax", "Softmax", "x"));
        OnnxModel model = parse(new Proto().varint(1, 7).message(7, graph).toBytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxConvChain.of(model));
        assertTrue(e.getMessage().contains("does not rebuild Softmax"), e.getMessage());
    }

    @Test
    void mapsRenamedMatMulWeightsToTheLayerTheirNodeNames() {
        Map<String, OnnxTensor> byLayer = parse(model()).matMulWeightsByLayer();
        assertEquals(List.of("encoder.layer.0.attention.self.query"), List.copyOf(byLayer.keySet()));
        assertEquals("onnx::MatMul_7", byLayer.get("encoder.layer.0.attention.self.query").name());
    }

    @Test
    void badInputGetsAClearError(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.onnx");
        Files.writeString(text, "this is not a model, just words in a file\n");
        IllegalArgumentException notOnnx = assertThrows(IllegalArgumentException.class, () -> OnnxModel.read(text));
        assertTrue(notOnnx.getMessage().contains("not an ONNX"), notOnnx.getMessage());

        byte[] whole = model();
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
                () -> parse(Arrays.copyOf(whole, whole.length - 7)));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());

        IllegalArgumentException noGraph = assertThrows(IllegalArgumentException.class,
                () -> parse(new Proto().varint(1, 6).toBytes()));
        assertTrue(noGraph.getMessage().contains("no graph"), noGraph.getMessage());

        assertThrows(IllegalArgumentException.class, () -> OnnxModel.read(dir.resolve("missing.onnx")));
    }

    @Test
    void externalDataAndOtherTypesAreRefusedWhenRead() {
        Proto external = new Proto().varint(1, 4).varint(2, 1).string(8, "big.weight")
                .message(13, new Proto().string(1, "location").string(2, "weights.bin")).varint(14, 1);
        OnnxModel model = parse(model(external));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.initializer("big.weight").floats());
        assertTrue(e.getMessage().contains("external data"), e.getMessage());
        IllegalArgumentException int64 = assertThrows(IllegalArgumentException.class,
                () -> model.initializer("embeddings.position_ids").floats());
        assertTrue(int64.getMessage().contains("int64") && int64.getMessage().contains("not float32"),
                int64.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> model.initializer("no.such.weight"));
        assertTrue(unknown.getMessage().contains("no initializer no.such.weight"), unknown.getMessage());
    }

    @Test
    void aShapeThatDisagreesWithItsDataIsAnError() {
        OnnxModel model = parse(model(tensor("odd", 1, new long[] {2, 2}, floats(1, 2, 3))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.initializer("odd").floats());
        assertTrue(e.getMessage().contains("12 bytes"), e.getMessage());
    }
}
