package dev.tlkit.nn.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * One initializer of an ONNX graph (a weight): its name, shape and ONNX data type, with its numbers still in the
 * file (read on demand by {@link #floats()}).
 */
public final class OnnxTensor {
    /** ONNX's TensorProto.DataType numbers the kit names in messages. */
    static final int FLOAT = 1;
    static final int INT64 = 7;

    private final String name;
    private final long[] shape;
    private final int dataType;
    private final ByteBuffer raw;
    private final float[] floatData;
    private final long[] int64Data;
    private final boolean external;
    private final String file;

    OnnxTensor(String name, long[] shape, int dataType, ByteBuffer raw, float[] floatData, long[] int64Data,
               boolean external, String file) {
        this.name = name;
        this.shape = shape.clone();
        this.dataType = dataType;
        this.raw = raw;
        this.floatData = floatData;
        this.int64Data = int64Data;
        this.external = external;
        this.file = file;
    }

    public String name() {
        return name;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** How many numbers the shape holds. */
    public long size() {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }

    /** ONNX's data type number (1 is float32, 7 int64). */
    public int dataType() {
        return dataType;
    }

    /** The numbers, row-major as ONNX stores them; only float32 tensors whose data lies inside the file. */
    public float[] floats() {
        requireInFile();
        if (dataType != FLOAT) {
            throw new IllegalArgumentException("initializer " + name + " of " + file + " holds " + typeName(dataType)
                    + " numbers, not float32");
        }
        int n = Math.toIntExact(size());
        float[] values = new float[n];
        if (raw != null) {
            if (raw.remaining() != 4L * n) {
                throw new IllegalArgumentException("initializer " + name + " of " + file + " has shape "
                        + Arrays.toString(shape) + " (" + n + " numbers) but " + raw.remaining() + " bytes of data");
            }
            FloatBuffer floats = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            floats.get(values);
        } else if (floatData != null && floatData.length == n) {
            System.arraycopy(floatData, 0, values, 0, n);
        } else {
            throw new IllegalArgumentException("initializer " + name + " of " + file + " has shape "
                    + Arrays.toString(shape) + " but " + (floatData == null ? 0 : floatData.length) + " numbers");
        }
        return values;
    }

    /** The numbers of an int64 tensor (e.g. the target shape of a Reshape). */
    public long[] longs() {
        requireInFile();
        if (dataType != INT64) {
            throw new IllegalArgumentException("initializer " + name + " of " + file + " holds " + typeName(dataType)
                    + " numbers, not int64");
        }
        int n = Math.toIntExact(size());
        if (raw != null && raw.remaining() == 8L * n) {
            long[] values = new long[n];
            raw.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
            return values;
        }
        if (int64Data != null && int64Data.length == n) {
            return int64Data.clone();
        }
        throw new IllegalArgumentException("initializer " + name + " of " + file + " has shape " + Arrays.toString(shape)
                + " (" + n + " numbers) but its data does not hold as many");
    }

    private void requireInFile() {
        if (external) {
            throw new IllegalArgumentException("initializer " + name + " of " + file + " keeps its numbers in an external"
                    + " data file; the kit reads self-contained ONNX files only (save the model with"
                    + " save_as_external_data=False)");
        }
    }

    /** A matrix stored [rows, columns] returned as [columns, rows] (ONNX MatMul weights to a Linear layer's layout). */
    public float[] transposedFloats() {
        if (shape.length != 2) {
            throw new IllegalArgumentException("initializer " + name + " has shape " + Arrays.toString(shape)
                    + ", not a matrix");
        }
        float[] values = floats();
        int rows = (int) shape[0];
        int columns = (int) shape[1];
        float[] transposed = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                transposed[c * rows + r] = values[r * columns + c];
            }
        }
        return transposed;
    }

    static String typeName(int dataType) {
        return switch (dataType) {
            case FLOAT -> "float32";
            case 2 -> "uint8";
            case 3 -> "int8";
            case 6 -> "int32";
            case INT64 -> "int64";
            case 10 -> "float16";
            case 11 -> "float64";
            case 16 -> "bfloat16";
            default -> "ONNX data type " + dataType;
        };
    }

    @Override
    public String toString() {
        return name + " " + typeName(dataType) + Arrays.toString(shape);
    }
}
