package dev.tlkit.nn;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A DJL block with its parameters, owned by a manager that lives as long as the network (so
 * trainers and predictions can come and go). Parameters are initialised from {@code seed}.
 */
public final class Network implements AutoCloseable {
    /** The engine that trains: PyTorch (OnnxRuntime, also on the class path, only runs inference). */
    public static final String TRAINING_ENGINE = "PyTorch";

    private final String name;
    private final Block block;
    private final Shape exampleShape;
    private final NDManager manager;

    private Network(String name, Block block, Shape exampleShape, NDManager manager) {
        this.name = name;
        this.block = block;
        this.exampleShape = exampleShape;
        this.manager = manager;
    }

    /** A length used to initialise a network whose input has a dimension that varies (-1 in its shape). */
    static final long VARYING_DIMENSION_AT_INIT = 8;

    /**
     * Initialises every parameter not yet initialised, deterministically from {@code seed}. {@code exampleShape}
     * is one example's input shape; a dimension of -1 may vary from batch to batch.
     */
    public static Network of(String name, Block block, Shape exampleShape, long seed) {
        NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), TRAINING_ENGINE);
        Engine.getEngine(TRAINING_ENGINE).setRandomSeed((int) seed);
        block.initialize(manager, DataType.FLOAT32, initShape(exampleShape));
        return new Network(name, block, exampleShape, manager);
    }

    private static Shape initShape(Shape exampleShape) {
        long[] dims = exampleShape.getShape();
        long[] batch = new long[dims.length + 1];
        batch[0] = 1;
        for (int i = 0; i < dims.length; i++) {
            batch[i + 1] = dims[i] < 0 ? VARYING_DIMENSION_AT_INIT : dims[i];
        }
        return new Shape(batch);
    }

    /** True when examples of shape {@code shape} fit this network (a -1 on either side matches any size). */
    public boolean accepts(Shape shape) {
        if (shape.dimension() != exampleShape.dimension()) {
            return false;
        }
        for (int i = 0; i < shape.dimension(); i++) {
            long a = shape.get(i);
            long b = exampleShape.get(i);
            if (a >= 0 && b >= 0 && a != b) {
                return false;
            }
        }
        return true;
    }

    public String name() {
        return name;
    }

    public Block block() {
        return block;
    }

    public Shape exampleShape() {
        return exampleShape;
    }

    public NDManager manager() {
        return manager;
    }

    /** The number of outputs per example: the classes a classifier's head can predict. */
    public long outputSize() {
        Shape[] out = block.getOutputShapes(new Shape[] {initShape(exampleShape)});
        return out[0].get(out[0].dimension() - 1);
    }

    /** Parameters that training would change. */
    public long trainableParameters() {
        return block.getParameters().values().stream().filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getShape().size()).sum();
    }

    /** Learnable parameters, trainable or frozen (batch-norm running statistics are not counted). */
    public long totalParameters() {
        return block.getParameters().values().stream().filter(StagedBackbone::isLearnable)
                .mapToLong(p -> p.getShape().size()).sum();
    }

    /** The network's (first) output for every example, in inference mode: e.g. the logits of a classifier. */
    public float[][] outputs(Examples examples) {
        return Batches.outputs(block, manager, examples);
    }

    /** The parameters as bytes (DJL's block format), e.g. to remember the best epoch. */
    public byte[] parameterBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Restores parameters saved by {@link #parameterBytes()}. Frozen flags are kept. */
    public void restoreParameters(byte[] saved) {
        Map<String, Boolean> trainable = new HashMap<>();
        block.getParameters().forEach(p -> trainable.put(p.getKey(), p.getValue().requiresGradient()));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            block.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("could not restore the parameters of " + name, e);
        }
        block.getParameters().forEach(p -> p.getValue().freeze(!trainable.get(p.getKey())));
    }

    @Override
    public void close() {
        manager.close();
    }
}
