package dev.tlkit.nn.keras;

/**
 * How the batch-norm layers of a Keras network behave while it trains.
 *
 * <p>Keras' MobileNetV2 keeps running statistics with momentum 0.999: in a few hundred steps they hardly move, so
 * a pre-trained network that normalises with the statistics of each training batch meets different statistics at
 * test time. Keras' advice for fine-tuning a pre-trained network is to keep batch norm in inference mode; a network
 * trained from scratch needs batch statistics and running averages that catch up within a short run.
 */
public enum BatchNormMode {
    /** Always normalise with the stored running statistics (scale and shift still train when unfrozen). */
    PRETRAINED,
    /** Normalise with batch statistics while training, running averages with momentum 0.9 (PyTorch's 0.1). */
    FROM_SCRATCH;

    static final float SCRATCH_MOMENTUM = 0.9f;
}
