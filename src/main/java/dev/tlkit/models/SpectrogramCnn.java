package dev.tlkit.models;

import ai.djl.nn.Block;
import dev.tlkit.audio.ClipSet;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import java.util.List;

/**
 * The kit's CNN reading clips as their log-mel spectrograms (28x28 pictures, {@link LogMelFeatures#images}):
 * the speech lesson's model without pre-training. The spectrograms come from the shared {@code logMel},
 * which this network does not own (closing it closes only the CNN).
 */
public final class SpectrogramCnn implements FineTunable<ClipSet> {
    private final VisionBackbone cnn;
    private final LogMelFeatures logMel;

    private SpectrogramCnn(VisionBackbone cnn, LogMelFeatures logMel) {
        this.cnn = cnn;
        this.logMel = logMel;
    }

    /** The design, drawn at random per seed: what {@code scratch(SpectrogramCnn.architecture(logMel))} trains. */
    public static Architecture<ClipSet> architecture(LogMelFeatures logMel) {
        return new Architecture<>() {
            @Override
            public String name() {
                return "SmallCnn on log-mel spectrograms";
            }

            @Override
            public SpectrogramCnn randomInit(long seed) {
                return new SpectrogramCnn(VisionBackbone.randomInit(VisionBackbone.KIT_WIDTH, seed), logMel);
            }
        };
    }

    @Override
    public String name() {
        return "log-mel CNN (" + cnn.name() + ")";
    }

    @Override
    public int featureSize() {
        return cnn.featureSize();
    }

    @Override
    public FeatureSet features(ClipSet clips) {
        return cnn.features(logMel.images(clips));
    }

    @Override
    public List<String> blockNames() {
        return cnn.blockNames();
    }

    @Override
    public Block block(int index) {
        return cnn.block(index);
    }

    @Override
    public SpectrogramCnn freeze() {
        cnn.freeze();
        return this;
    }

    @Override
    public SpectrogramCnn unfreeze() {
        cnn.unfreeze();
        return this;
    }

    @Override
    public SpectrogramCnn unfreezeTop(int k) {
        cnn.unfreezeTop(k);
        return this;
    }

    @Override
    public long trainableParameters() {
        return cnn.trainableParameters();
    }

    @Override
    public long totalParameters() {
        return cnn.totalParameters();
    }

    @Override
    public Network withNewHead(int classes, long seed) {
        return cnn.withNewHead(classes, seed);
    }

    @Override
    public Examples examples(ClipSet clips) {
        return cnn.examples(logMel.images(clips));
    }

    @Override
    public SpectrogramCnn copy() {
        return new SpectrogramCnn(cnn.copy(), logMel);
    }

    @Override
    public void close() {
        cnn.close();
    }
}
