package dev.tlkit.nn.onnx;

/**
 * One attribute of an ONNX node as the kit reads it: a name with integers (ONNX's {@code i} or {@code ints}),
 * floats ({@code f} or {@code floats}) or a string ({@code s}); the kinds a node does not set are empty.
 */
public record OnnxAttribute(String name, long[] ints, float[] floats, String string) {
    public OnnxAttribute {
        ints = ints.clone();
        floats = floats.clone();
    }

    @Override
    public long[] ints() {
        return ints.clone();
    }

    @Override
    public float[] floats() {
        return floats.clone();
    }

    /** The one float of an {@code f} attribute. */
    public float floatValue() {
        if (floats.length != 1) {
            throw new IllegalArgumentException("attribute " + name + " holds " + floats.length + " floats, not one");
        }
        return floats[0];
    }
}
