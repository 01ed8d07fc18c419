package dev.tlkit.train;

import dev.tlkit.data.LabelledSet;
import dev.tlkit.eval.Predictions;
import dev.tlkit.models.FineTunable;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import dev.tlkit.viz.Showable;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Gradual unfreezing (Howard and Ruder 2018, ULMFiT): first train only the new head, then unfreeze
 * the backbone one block at a time from the top, training a few epochs after each step, so the
 * pre-trained lower blocks are disturbed last and least.
 *
 * @param phases       one per phase: phase p trained the head and the top p blocks
 * @param testAccuracy accuracy of the final network on a test set, when one was given (else NaN)
 */
public record GradualUnfreezing(List<Phase> phases, double testAccuracy) implements Showable {

    /** What one phase trained and how it ended. */
    public record Phase(String name, long trainableParameters, TrainingHistory history) {
    }

    public GradualUnfreezing {
        phases = List.copyOf(phases);
    }

    /**
     * Gradual unfreezing of a copy of {@code backbone} with a new head, trained on {@code train} and tested on
     * {@code test}; the backbone itself is left as it is.
     */
    public static <S extends LabelledSet<S>> GradualUnfreezing fit(FineTunable<S> backbone, S train, S test,
                                                                  int epochsPerPhase, double learningRate, long seed) {
        try (FineTunable<S> copy = backbone.copy(); Network network = copy.withNewHead(train.numClasses(), seed)) {
            GradualUnfreezing phases = fit(copy, network, copy.examples(train), epochsPerPhase, learningRate, seed);
            return new GradualUnfreezing(phases.phases(), Predictions.of(network, copy.examples(test)).accuracy());
        }
    }

    /**
     * Trains {@code network} (the backbone plus a new head) in {@code blocks + 1} phases of
     * {@code epochsPerPhase} epochs; phase p unfreezes the top p blocks.
     */
    public static GradualUnfreezing fit(FineTunable<?> backbone, Network network, Examples train, int epochsPerPhase,
                                        double learningRate, long seed) {
        List<Phase> phases = new ArrayList<>();
        for (int phase = 0; phase <= backbone.blockCount(); phase++) {
            backbone.unfreezeTop(phase);
            String name = phase == 0 ? "head only" : "top " + phase + " block(s) unfrozen";
            TrainingHistory history = Fit.of(network).named(name).learningRate(learningRate).epochs(epochsPerPhase)
                    .batchSize(64).seed(seed + phase).on(train);
            phases.add(new Phase(name, network.trainableParameters(), history));
        }
        return new GradualUnfreezing(phases, Double.NaN);
    }

    /** Each phase's trainable parameters (head included), final training accuracy and CPU seconds. */
    public Table table() {
        return Table.create("Gradual unfreezing",
                StringColumn.create("phase", phases.stream().map(Phase::name).toList()),
                LongColumn.create("trainable parameters", phases.stream().mapToLong(Phase::trainableParameters).toArray()),
                DoubleColumn.create("training accuracy", phases.stream()
                        .mapToDouble(p -> p.history().finalTrainAccuracy()).toArray()),
                DoubleColumn.create("CPU seconds", phases.stream()
                        .mapToDouble(p -> Math.round(p.history().cpuSeconds() * 10) / 10.0).toArray()));
    }

    /** True when every phase trains more parameters than the one before. */
    public boolean eachPhaseTrainsMore() {
        for (int i = 1; i < phases.size(); i++) {
            if (phases.get(i).trainableParameters() <= phases.get(i - 1).trainableParameters()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object view() {
        return table();
    }
}
