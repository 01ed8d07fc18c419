package dev.tlkit.nn.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of an ONNX model file and the nodes that use them, read straight from its protocol-buffer bytes
 * (ModelProto, GraphProto, NodeProto, TensorProto: the handful of fields needed, see onnx.proto). The file is
 * memory-mapped: an initializer's numbers are read only when asked for. The kit builds the network itself in
 * DJL and copies these weights into it, so it can train what ONNX Runtime can only run.
 *
 * <p>A hand-written reader of a few fields rather than protobuf-java and generated classes: the messages and fields
 * read here have kept their numbers since ONNX 1.0, and no code is generated at build time.
 */
public final class OnnxModel {
    /** One operation of the graph, with its attributes (kernel sizes, strides, slopes) by name. */
    public record Node(String name, String opType, List<String> inputs, List<String> outputs,
                       Map<String, OnnxAttribute> attributes) {
        public Node {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
            attributes = Map.copyOf(attributes);
        }

        /** The integers of attribute {@code name} (one or a list), or {@code absent} when the node has none. */
        public long[] ints(String name, long... absent) {
            OnnxAttribute attribute = attributes.get(name);
            return attribute == null ? absent.clone() : attribute.ints();
        }

        /** The float of attribute {@code name}, or {@code absent} when the node has none. */
        public float floatAttribute(String name, float absent) {
            OnnxAttribute attribute = attributes.get(name);
            return attribute == null ? absent : attribute.floatValue();
        }

        /** The string of attribute {@code name}, or {@code absent} when the node has none. */
        public String stringAttribute(String name, String absent) {
            OnnxAttribute attribute = attributes.get(name);
            return attribute == null ? absent : attribute.string();
        }
    }

    private final String file;
    private final long irVersion;
    private final String producer;
    private final Map<String, OnnxTensor> initializers;
    private final List<Node> nodes;

    private OnnxModel(String file, long irVersion, String producer, Map<String, OnnxTensor> initializers,
                      List<Node> nodes) {
        this.file = file;
        this.irVersion = irVersion;
        this.producer = producer;
        this.initializers = initializers;
        this.nodes = nodes;
    }

    /** Reads {@code file}; an error names what is wrong (not ONNX, truncated) and the file. */
    public static OnnxModel read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no ONNX file at " + file);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(file + " is larger than 2 GB; the kit reads smaller ONNX files only");
            }
            return parse(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** Parses a model held in memory; {@code what} names it in errors. */
    static OnnxModel parse(ByteBuffer bytes, String what) {
        long irVersion = -1;
        String producer = "";
        ProtoReader graph = null;
        ProtoReader model = ProtoReader.of(bytes, what);
        while (model.next()) {
            switch (model.field()) {
                case 1 -> irVersion = model.varint();
                case 2 -> producer = model.string();
                case 7 -> graph = model.message();
                default -> model.skip();
            }
        }
        if (irVersion < 1 || graph == null) {
            throw new IllegalArgumentException(what + " is not an ONNX model: it has no "
                    + (irVersion < 1 ? "IR version" : "graph"));
        }
        Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        while (graph.next()) {
            switch (graph.field()) {
                case 1 -> nodes.add(node(graph.message()));
                case 5 -> {
                    OnnxTensor tensor = tensor(graph.message(), what);
                    initializers.put(tensor.name(), tensor);
                }
                default -> graph.skip();
            }
        }
        return new OnnxModel(what, irVersion, producer, initializers, List.copyOf(nodes));
    }

    private static Node node(ProtoReader node) {
        String name = "";
        String op = "";
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
        while (node.next()) {
            switch (node.field()) {
                case 1 -> inputs.add(node.string());
                case 2 -> outputs.add(node.string());
                case 3 -> name = node.string();
                case 4 -> op = node.string();
                case 5 -> {
                    OnnxAttribute attribute = attribute(node.message());
                    attributes.put(attribute.name(), attribute);
                }
                default -> node.skip();
            }
        }
        return new Node(name, op, inputs, outputs, attributes);
    }

    /** AttributeProto: name 1, f 2, i 3, s 4, floats 7, ints 8 (tensors and graphs are not read). */
    private static OnnxAttribute attribute(ProtoReader attribute) {
        String name = "";
        List<Long> ints = new ArrayList<>();
        float[] floats = new float[0];
        String string = "";
        while (attribute.next()) {
            switch (attribute.field()) {
                case 1 -> name = attribute.string();
                case 2 -> floats = new float[] {Float.intBitsToFloat(attribute.fixed32())};
                case 3 -> ints.add(attribute.varint());
                case 4 -> string = attribute.string();
                case 7 -> floats = packedFloats(attribute, floats.length == 0 ? null : floats);
                case 8 -> attribute.varints(ints::add);
                default -> attribute.skip();
            }
        }
        return new OnnxAttribute(name, ints.stream().mapToLong(Long::longValue).toArray(), floats, string);
    }

    private static OnnxTensor tensor(ProtoReader tensor, String what) {
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = "";
        ByteBuffer raw = null;
        float[] floatData = null;
        List<Long> int64Data = new ArrayList<>();
        boolean external = false;
        while (tensor.next()) {
            switch (tensor.field()) {
                case 1 -> tensor.varints(dims::add);
                case 2 -> dataType = (int) tensor.varint();
                case 4 -> floatData = packedFloats(tensor, floatData);
                case 7 -> tensor.varints(int64Data::add);
                case 8 -> name = tensor.string();
                case 9 -> raw = tensor.bytes();
                case 13 -> {
                    external = true;
                    tensor.skip();
                }
                case 14 -> external |= tensor.varint() == 1;
                default -> tensor.skip();
            }
        }
        return new OnnxTensor(name, dims.stream().mapToLong(Long::longValue).toArray(), dataType, raw, floatData,
                int64Data.stream().mapToLong(Long::longValue).toArray(), external, what);
    }

    /** float_data or floats: packed (one run of 4-byte floats) or, rarely, one float per field. */
    private static float[] packedFloats(ProtoReader tensor, float[] sofar) {
        float[] more;
        if (tensor.wireType() == ProtoReader.LENGTH_DELIMITED) {
            ByteBuffer run = tensor.bytes();
            more = new float[run.remaining() / 4];
            run.asFloatBuffer().get(more);
        } else {
            more = new float[] {Float.intBitsToFloat(tensor.fixed32())};
        }
        if (sofar == null) {
            return more;
        }
        float[] joined = Arrays.copyOf(sofar, sofar.length + more.length);
        System.arraycopy(more, 0, joined, sofar.length, more.length);
        return joined;
    }

    public long irVersion() {
        return irVersion;
    }

    /** The tool that wrote the file, e.g. "pytorch". */
    public String producer() {
        return producer;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Whether {@code name} is an initializer (a weight or constant) rather than a value the graph computes. */
    public boolean hasInitializer(String name) {
        return initializers.containsKey(name);
    }

    /** The initializers' names, in the file's order. */
    public List<String> initializerNames() {
        return List.copyOf(initializers.keySet());
    }

    /** The initializer called {@code name}; an error lists a few that exist. */
    public OnnxTensor initializer(String name) {
        OnnxTensor tensor = initializers.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException(file + " has no initializer " + name + " (it has " + initializers.size()
                    + ", e.g. " + initializerNames().subList(0, Math.min(3, initializers.size())) + ")");
        }
        return tensor;
    }

    /** Learnable numbers in float32 initializers. */
    public long floatParameters() {
        return initializers.values().stream().filter(t -> t.dataType() == OnnxTensor.FLOAT).mapToLong(OnnxTensor::size)
                .sum();
    }

    /**
     * The weight matrices of MatMul nodes by the layer their node names: an exporter that renamed a weight
     * ({@code onnx::MatMul_787}) still names the node after the layer ({@code /encoder/layer.0/attention/self/query/MatMul}),
     * so this maps {@code encoder.layer.0.attention.self.query} to the initializer {@code onnx::MatMul_787}.
     */
    public Map<String, OnnxTensor> matMulWeightsByLayer() {
        Map<String, OnnxTensor> byLayer = new LinkedHashMap<>();
        for (Node node : nodes) {
            if (!node.opType().equals("MatMul") || !node.name().endsWith("/MatMul")) {
                continue;
            }
            for (String input : node.inputs()) {
                OnnxTensor weight = initializers.get(input);
                if (weight != null) {
                    String path = node.name().substring(0, node.name().length() - "/MatMul".length());
                    byLayer.put(path.replaceFirst("^/", "").replace('/', '.'), weight);
                }
            }
        }
        return byLayer;
    }

    @Override
    public String toString() {
        return file + ": ONNX IR " + irVersion + " by " + producer + ", " + nodes.size() + " nodes, "
                + initializers.size() + " initializers";
    }
}
