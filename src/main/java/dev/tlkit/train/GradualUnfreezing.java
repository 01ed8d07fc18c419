package dev.tlkit.train;

import dev.tlkit.models.VisionBackbone;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradual unfreezing (Howard and Ruder 2018, ULMFiT): first train only the new head, then unfreeze
 * the backbone one stage at a time from the top, training a few epochs after each step, so the
 * pre-trained lower stages are disturbed last and least.
 */
public final class GradualUnfreezing {
    private GradualUnfreezing() {
    }

    /**
     * Trains {@code network} (the backbone plus a new head) in {@code stages + 1} phases of
     * {@code epochsPerPhase} epochs; phase p unfreezes the top p stages. Returns one history per phase.
     */
    public static List<TrainingHistory> fit(VisionBackbone backbone, Network network, Examples train,
                                            int epochsPerPhase, double learningRate, long seed) {
        int stages = backbone.block().stageCount();
        List<TrainingHistory> phases = new ArrayList<>();
        for (int phase = 0; phase <= stages; phase++) {
            backbone.unfreezeTop(phase);
            phases.add(Fit.of(network).named(phase == 0 ? "head only" : "top " + phase + " stage(s) unfrozen")
                    .learningRate(learningRate).epochs(epochsPerPhase).batchSize(64).seed(seed + phase).on(train));
        }
        return phases;
    }
}
