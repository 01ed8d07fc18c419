package dev.tlkit.models;

import ai.djl.nn.Block;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import dev.tlkit.nn.ParameterChange;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A pre-trained network that can also be trained further (fine-tuned): freeze it, or open its top blocks
 * (stages, transformer layers) for training, give it a new head, and feed it inputs as training examples.
 * Changes apply to this object; {@link #copy()} first to leave the original as it is.
 *
 * @param <S> the sets it reads
 */
public interface FineTunable<S> extends FeatureExtractor<S> {

    /** The blocks {@link #unfreezeTop} counts, from the input up. */
    List<String> blockNames();

    default int blockCount() {
        return blockNames().size();
    }

    /** Block {@code index} (0 = nearest the input), e.g. to give it a learning rate of its own. */
    Block block(int index);

    /** Freezes every block: training changes nothing in the backbone. */
    FineTunable<S> freeze();

    /** Makes every block trainable (full fine-tuning). */
    FineTunable<S> unfreeze();

    /** Freezes the lower blocks and makes the top {@code k} trainable (0: all frozen). */
    FineTunable<S> unfreezeTop(int k);

    /** Parameters that training may change now (0 when frozen). */
    long trainableParameters();

    /** Learnable parameters, trainable or frozen. */
    long totalParameters();

    /** The backbone followed by a new linear head for {@code classes} classes, initialised from {@code seed}. */
    Network withNewHead(int classes, long seed);

    /** {@code inputs} as the network reads them in training and prediction. */
    Examples examples(S inputs);

    /** An independent copy: the same parameters and frozen blocks. */
    FineTunable<S> copy();

    /**
     * What training would change in each set-up, from feature extraction (only a new head for {@code classes}
     * classes trains) through the top k blocks to full fine-tuning: trainable parameters and their share of the
     * whole network. Counted on a copy; this model stays as it is.
     */
    default Table trainableBySetup(int classes) {
        long head = (long) featureSize() * classes + classes;
        Table table = Table.create("What is trainable", StringColumn.create("set-up"),
                LongColumn.create("trainable parameters"), DoubleColumn.create("share of the network %"));
        try (FineTunable<S> copy = copy()) {
            long all = copy.totalParameters() + head;
            for (int k = 0; k <= blockCount(); k++) {
                copy.unfreezeTop(k);
                long trainable = copy.trainableParameters() + head;
                table.stringColumn("set-up").append(k == 0 ? "frozen backbone + new head (feature extraction)"
                        : k == blockCount() ? "everything (full fine-tuning)" : "top " + k + " block(s) + head");
                table.longColumn("trainable parameters").append(trainable);
                table.doubleColumn("share of the network %").append(Math.round(1000.0 * trainable / all) / 10.0);
            }
        }
        return table;
    }

    /**
     * How far training moved each block away from {@code before} (e.g. the pre-trained model this one was copied
     * from): the relative change ||w - w0|| / ||w0|| of the block's learnable parameters, bottom block first.
     */
    default double[] changeFrom(FineTunable<S> before) {
        if (before.blockCount() != blockCount()) {
            throw new IllegalArgumentException("the models have different blocks: " + before.blockNames() + " vs "
                    + blockNames());
        }
        double[] change = new double[blockCount()];
        for (int i = 0; i < change.length; i++) {
            change[i] = ParameterChange.relative(block(i), before.block(i));
        }
        return change;
    }
}
