package dev.tlkit.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import dev.tlkit.data.Checksums;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.ImageSet;
import dev.tlkit.nn.Batches;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.FeatureMaps;
import dev.tlkit.nn.MultiplyAdds;
import dev.tlkit.nn.Network;
import dev.tlkit.nn.ParameterFiles;
import dev.tlkit.nn.SmallCnn;
import dev.tlkit.nn.StagedBackbone;
import dev.tlkit.viz.Pictures;
import dev.tlkit.viz.Showable;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A convolutional feature extractor for 28x28 grey-scale images: pre-trained (loaded by name, with
 * its model card) or randomly initialised (the control). Freeze it whole, or all but its top
 * stages; run it once over a data set to cache features; put a new head on it.
 */
public final class VisionBackbone implements ImageBackbone, SplitTunable<ImageSet>, Showable {
    static final String RESOURCES = "/dev/tlkit/models/";
    private static final Shape IMAGE = new Shape(1, 28, 28);
    /** The width of the kit's shipped CNNs: 32-64-128 channels, 93k parameters. */
    public static final int KIT_WIDTH = 32;

    private final ModelCard card;
    private final StagedBackbone stages;
    private final Network network;

    private VisionBackbone(ModelCard card, StagedBackbone stages, Network network) {
        this.card = card;
        this.stages = stages;
        this.network = network;
    }

    /** A pre-trained backbone shipped with the kit, e.g. "fashion-source-cnn"; its checksum is verified. */
    public static VisionBackbone load(String name) {
        ModelCard card = ModelCard.fromJson(new String(resource(name + ".card.json"), StandardCharsets.UTF_8));
        return verified(card, resource(name + ".params"), name);
    }

    /** A backbone from a parameter file and its card (e.g. one you pre-trained yourself). */
    public static VisionBackbone load(Path parameterFile, ModelCard card) {
        if (!Files.isRegularFile(parameterFile)) {
            throw new IllegalStateException("the parameter file " + parameterFile + " is missing. Create it with: "
                    + card.command());
        }
        try {
            return verified(card, Files.readAllBytes(parameterFile), parameterFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the parameters against the card's SHA-256 (when the card has one), then loads them. */
    private static VisionBackbone verified(ModelCard card, byte[] parameters, String source) {
        String expected = card.parametersSha256();
        if (expected != null && !expected.isBlank()) {
            String actual = Checksums.sha256(parameters);
            if (!actual.equals(expected)) {
                throw new IllegalStateException("the parameters in " + source + " do not match the model card of "
                        + card.name() + ": expected SHA-256 " + expected + ", found " + actual
                        + ". Re-create them with: " + card.command());
            }
        }
        return fromParameters(card, parameters, source);
    }

    /** The same architecture with random parameters: what "no pre-training" looks like. */
    public static VisionBackbone randomInit(int width, long seed) {
        StagedBackbone stages = SmallCnn.backbone(width);
        ModelCard card = new ModelCard("random-init-cnn-w" + width, "SmallCnn", width, "none (random initialisation)",
                "n/a", List.of(), 0, 0, seed, "none", Double.NaN, 0, 0, "", "VisionBackbone.randomInit(" + width
                + ", " + seed + ")", "a control: features before any training", "its features carry no knowledge", 0);
        return new VisionBackbone(card, stages, Network.of(card.name(), stages, IMAGE, seed));
    }

    /** The kit's CNN design with random weights: what training from scratch starts from. */
    public static Architecture<ImageSet> smallCnn() {
        return new Architecture<>() {
            @Override
            public String name() {
                return "SmallCnn";
            }

            @Override
            public VisionBackbone randomInit(long seed) {
                return VisionBackbone.randomInit(KIT_WIDTH, seed);
            }
        };
    }

    private static VisionBackbone fromParameters(ModelCard card, byte[] parameters, String source) {
        StagedBackbone stages = SmallCnn.backbone(card.width());
        Network network = Network.of(card.name(), stages, IMAGE, card.seed());
        ParameterFiles.load(stages, network.manager(), parameters, source, card.command());
        return new VisionBackbone(card, stages, network);
    }

    private static byte[] resource(String file) {
        try (InputStream in = VisionBackbone.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no pre-trained model file " + file + " ships with the kit; see "
                        + RESOURCES + " in the kit's jar, or pre-train it with dev.tlkit.pretrain.Pretrain");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ModelCard card() {
        return card;
    }

    @Override
    public String name() {
        return card.name();
    }

    /** The DJL block, e.g. to give it a learning rate of its own. */
    public StagedBackbone block() {
        return stages;
    }

    @Override
    public int featureSize() {
        return (int) stages.getOutputShapes(new Shape[] {new Shape(1).addAll(IMAGE)})[0].get(1);
    }

    @Override
    public List<String> blockNames() {
        return stages.stageNames();
    }

    @Override
    public Block block(int index) {
        return stages.stage(index);
    }

    @Override
    public long multiplyAdds() {
        return MultiplyAdds.perExample(stages, IMAGE);
    }

    @Override
    public Examples examples(ImageSet images) {
        requireKitSize(images);
        return Examples.of(images);
    }

    /** Freezes every stage: no gradient, and batch-norm statistics stay fixed. */
    @Override
    public VisionBackbone freeze() {
        for (int i = 0; i < stages.stageCount(); i++) {
            stages.setFrozen(i, true);
        }
        return this;
    }

    @Override
    public VisionBackbone unfreeze() {
        return unfreezeTop(stages.stageCount());
    }

    /** Freezes the lower stages and unfreezes the top {@code k} (0: all frozen). */
    @Override
    public VisionBackbone unfreezeTop(int k) {
        stages.openTop(k);
        return this;
    }

    @Override
    public long trainableParameters() {
        return network.trainableParameters();
    }

    @Override
    public long totalParameters() {
        return network.totalParameters();
    }

    /** One row per stage: its output shape, parameter count and whether it is trainable. */
    public Table stageTable() {
        return StageTables.of(name() + ": stages", "stage", stages, new Shape[] {new Shape(1).addAll(IMAGE)});
    }

    /** Runs the backbone once over {@code images} (inference mode, one sub-manager per batch). */
    @Override
    public FeatureSet features(ImageSet images) {
        return FeatureSet.of(images, Batches.outputs(stages, network.manager(), examples(images)));
    }

    /** The activations of one image after stage {@code stage} (0-based): shape (channels, h, w). */
    @Override
    public float[][][] activations(ImageSet images, int index, int stage) {
        try (NDManager batch = network.manager().newSubManager()) {
            return FeatureMaps.of(stages.forwardThrough(new ParameterStore(batch, false),
                    new NDList(single(images, index, batch)), stage + 1).singletonOrThrow());
        }
    }

    /**
     * The last stage's activations before its global average pool, for one image: shape
     * (features, h, w). Their spatial mean is the image's feature vector; a class activation map
     * weighs them with a linear head's weights.
     */
    @Override
    public float[][][] spatialFeatures(ImageSet images, int index) {
        try (NDManager batch = network.manager().newSubManager()) {
            ParameterStore store = new ParameterStore(batch, false);
            int last = stages.stageCount() - 1;
            NDList current = stages.forwardThrough(store, new NDList(single(images, index, batch)), last);
            var children = stages.stage(last).getChildren().values();
            for (int i = 0; i < children.size() - 1; i++) {
                current = children.get(i).forward(store, current, false);
            }
            return FeatureMaps.of(current.singletonOrThrow());
        }
    }

    /** The first convolution's filters as grey pictures, {@code columns} per row. */
    @Override
    public BufferedImage filterPicture(int columns, int scale) {
        float[][][] filters = firstLayerFilters();
        return Pictures.grid(filters, filters.length, columns, scale);
    }

    /** The first convolution's kernels, shape (filters, 3, 3). */
    public float[][][] firstLayerFilters() {
        Parameter weight = stages.stage(0).getParameters().values().stream()
                .filter(p -> p.getType() == Parameter.Type.WEIGHT).findFirst().orElseThrow();
        // the weight is (filters, 1, kh, kw): read it as one "image" of `filters` maps
        Shape s = weight.getShape();
        return FeatureMaps.of(weight.getArray().reshape(1, s.get(0), s.get(2), s.get(3)));
    }

    private static NDArray single(ImageSet images, int index, NDManager manager) {
        requireKitSize(images);
        return images.toArray(manager, new int[] {index});
    }

    private static void requireKitSize(ImageSet images) {
        if (images.height() != IMAGE.get(1) || images.width() != IMAGE.get(2)) {
            throw new IllegalArgumentException("the kit's CNN takes " + IMAGE.get(1) + "x" + IMAGE.get(2)
                    + " grey-scale images, but " + images.name() + " holds " + images.height() + "x" + images.width()
                    + " images: resize them first");
        }
    }

    @Override
    public FeatureSet activationsBelowTop(ImageSet images, int k) {
        int cut = stages.belowTop(k);
        return FeatureSet.of(images, Batches.outputs(stages.bottom(cut), network.manager(), examples(images)));
    }

    @Override
    public Shape shapeBelowTop(int k) {
        return stages.shapesThrough(new Shape[] {new Shape(1).addAll(IMAGE)}, stages.belowTop(k))[0].slice(1);
    }

    @Override
    public Network topWithNewHead(int k, int classes, long seed) {
        SequentialBlock net = stages.top(k).add(Linear.builder().setUnits(classes).build());
        return Network.of(name() + ", top " + k + " + new head", net, shapeBelowTop(k), seed);
    }

    /** This backbone with a new linear head for {@code classes} classes, initialised from {@code seed}. */
    @Override
    public Network withNewHead(int classes, long seed) {
        SequentialBlock net = new SequentialBlock().add(stages).add(Linear.builder().setUnits(classes).build());
        return Network.of(name() + " + new head", net, IMAGE, seed);
    }

    /** An independent copy (same parameters, same frozen stages), e.g. to fine-tune without touching this one. */
    @Override
    public VisionBackbone copy() {
        VisionBackbone copy = fromParameters(card, network.parameterBytes(), name() + " (copy)");
        for (int i = 0; i < stages.stageCount(); i++) {
            copy.stages.setFrozen(i, stages.isFrozen(i));
        }
        return copy;
    }

    /** Saves the parameters atomically. */
    public void save(Path file) throws IOException {
        ParameterFiles.save(stages, file);
    }

    @Override
    public Object view() {
        return stageTable();
    }

    @Override
    public void close() {
        network.close();
    }
}
