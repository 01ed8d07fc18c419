package dev.tlkit.train;

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

    /** Initialises every parameter not yet initialised, deterministically from {@code seed}. */
    public static Network of(String name, Block block, Shape exampleShape, long seed) {
        NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), TRAINING_ENGINE);
        Engine.getEngine(TRAINING_ENGINE).setRandomSeed((int) seed);
        block.initialize(manager, DataType.FLOAT32, batchShape(exampleShape, 1));
        return new Network(name, block, exampleShape, manager);
    }

    static Shape batchShape(Shape exampleShape, int batch) {
        return new Shape(batch).addAll(exampleShape);
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
        Shape[] out = block.getOutputShapes(new Shape[] {batchShape(exampleShape, 1)});
        return out[0].get(out[0].dimension() - 1);
    }

    /** Parameters that training would change. */
    public long trainableParameters() {
        return block.getParameters().values().stream().filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getShape().size()).sum();
    }

    /** Learnable parameters, trainable or frozen (batch-norm running statistics are not counted). */
    public long totalParameters() {
        return block.getParameters().values().stream().filter(dev.tlkit.models.StagedBackbone::isLearnable)
                .mapToLong(p -> p.getShape().size()).sum();
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
        java.util.Map<String, Boolean> trainable = new java.util.HashMap<>();
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
