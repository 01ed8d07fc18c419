package dev.tlkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.Arrays;

/** Writes numbers read from another format (Keras, ONNX) into an initialised DJL parameter, in place. */
public final class ParameterValues {
    private ParameterValues() {
    }

    /**
     * Copies {@code values} (row-major, in the parameter's own layout) into {@code parameter}; {@code source} names
     * where they come from in the error when the sizes differ.
     */
    public static void write(Parameter parameter, float[] values, String source) {
        NDArray array = parameter.getArray();
        if (array.getShape().size() != values.length) {
            throw new IllegalArgumentException(source + " has " + values.length + " numbers but the parameter "
                    + parameter.getName() + " expects " + array.getShape() + " (" + array.getShape().size() + ")");
        }
        // written in place with arithmetic: NDArray.set(Buffer) and copyTo make libtorch print a deprecation
        // warning into the learner's notebook (AutoNonVariableTypeMode). Autograd forbids in-place writes
        // to a leaf that requires a gradient (grad mode is per thread, and kernel cells run on new threads),
        // so the flag is lifted for the write.
        boolean requiresGradient = parameter.requiresGradient();
        array.setRequiresGradient(false);
        try (NDArray update = array.getManager().create(values, array.getShape())) {
            array.muli(0).addi(update);
        } finally {
            array.setRequiresGradient(requiresGradient);
        }
    }

    /** The shape check of {@link #write} for a matrix given with its own shape, e.g. [out, in] of a Linear weight. */
    public static void write(Parameter parameter, float[] values, long[] shape, String source) {
        if (!Arrays.equals(parameter.getArray().getShape().getShape(), shape)) {
            throw new IllegalArgumentException(source + " has shape " + Arrays.toString(shape) + " but the parameter "
                    + parameter.getName() + " expects " + parameter.getArray().getShape());
        }
        write(parameter, values, source);
    }

    /**
     * Copies {@code from}'s values into {@code to} (same shape), natively: no copy passes through the Java heap, which
     * matters for a transformer's 90 MB of weights copied once per fine-tuning run.
     */
    public static void copy(Parameter from, Parameter to) {
        NDArray source = from.getArray();
        NDArray target = to.getArray();
        if (!source.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException("cannot copy " + from.getName() + " " + source.getShape() + " into "
                    + to.getName() + " " + target.getShape());
        }
        boolean requiresGradient = to.requiresGradient();
        target.setRequiresGradient(false);
        // detached: adding a source that requires a gradient would make the target a computed (non-leaf) tensor
        try (NDArray detached = source.stopGradient()) {
            target.muli(0).addi(detached);
        } finally {
            target.setRequiresGradient(requiresGradient);
        }
    }
}
