package dev.tlkit.train;

import ai.djl.training.tracker.Tracker;
import dev.tlkit.data.LabelledSet;
import dev.tlkit.models.FineTunable;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import dev.tlkit.viz.Showable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * fast.ai's learning-rate finder (Smith 2017): train for a few dozen steps while the learning rate
 * grows exponentially from 1e-6 to 1, record the (smoothed) loss, and stop once it explodes. A good
 * rate is a tenth of the one where the loss was lowest. The network's parameters are restored after.
 *
 * @param rates     the learning rate of every step
 * @param losses    the exponentially smoothed loss after every step
 * @param suggested the suggested learning rate
 */
public record LearningRateFinder(double[] rates, double[] losses, double suggested) implements Showable {
    static final double START = 1e-6;
    static final double END = 1.0;
    static final int STEPS = 100;
    private static final double SMOOTHING = 0.9;

    /**
     * The finder on a copy of {@code backbone}, every block opened and a new head added, trained on {@code train}:
     * what fine-tuning all of it would start from. The backbone itself is left as it is.
     */
    public static <S extends LabelledSet<S>> LearningRateFinder run(FineTunable<S> backbone, S train, long seed) {
        try (FineTunable<S> copy = backbone.copy()) {
            copy.unfreeze();
            try (Network network = copy.withNewHead(train.numClasses(), seed)) {
                return run(network, copy.examples(train), seed);
            }
        }
    }

    public static LearningRateFinder run(Network network, Examples data, long seed) {
        byte[] saved = network.parameterBytes();
        double factor = Math.pow(END / START, 1.0 / (STEPS - 1));
        Tracker exponential = update -> (float) (START * Math.pow(factor, Math.max(0, update - 1)));
        List<Double> rates = new ArrayList<>();
        List<Double> smoothed = new ArrayList<>();
        double[] average = {0};
        double[] best = {Double.POSITIVE_INFINITY};
        TrainingListener recorder = new TrainingListener() {
            @Override
            public boolean afterStep(int step, int epoch, DoubleSupplier loss) {
                average[0] = SMOOTHING * average[0] + (1 - SMOOTHING) * loss.getAsDouble();
                double value = average[0] / (1 - Math.pow(SMOOTHING, step));
                rates.add(START * Math.pow(factor, step - 1));
                smoothed.add(value);
                best[0] = Math.min(best[0], value);
                return step < STEPS && !(step > 10 && value > 4 * best[0]) && Double.isFinite(value);
            }
        };
        try {
            Fit.of(network).learningRate(exponential).epochs(STEPS).atMostSteps(STEPS).seed(seed)
                    .batchSize(64).quietly().listener(recorder).on(data);
        } finally {
            network.restoreParameters(saved);
        }
        int lowest = 0;
        for (int i = 0; i < smoothed.size(); i++) {
            if (smoothed.get(i) < smoothed.get(lowest)) {
                lowest = i;
            }
        }
        return new LearningRateFinder(rates.stream().mapToDouble(Double::doubleValue).toArray(),
                smoothed.stream().mapToDouble(Double::doubleValue).toArray(), rates.get(lowest) / 10);
    }

    /** Loss against learning rate (log scale), the suggestion marked. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(640).height(400).title("Learning-rate finder")
                .xAxisTitle("learning rate").yAxisTitle("smoothed training loss").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.addSeries("loss", rates, losses).setMarker(SeriesMarkers.NONE);
        int i = 0;
        while (i < rates.length - 1 && rates[i] < suggested) {
            i++;
        }
        chart.addSeries(String.format("suggested %.1e", suggested), new double[] {suggested}, new double[] {losses[i]})
                .setMarker(SeriesMarkers.DIAMOND);
        return chart;
    }

    @Override
    public Object view() {
        return chart();
    }
}
