package dev.tlkit.train;

import dev.tlkit.viz.Showable;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What happened during training, epoch by epoch; shows as a table, {@link #chart()} as curves.
 *
 * @param examplesSeen examples that went through the network in training (steps times batch size): counted work
 * @param skippedSteps steps not applied because their loss or gradients were not finite (see TrainingLoop)
 * @param seconds      wall time of the run
 * @param cpuSeconds   process CPU time of the run (all threads)
 * @param bestEpoch    the epoch whose parameters were kept (the last one unless early stopping chose one)
 */
public record TrainingHistory(String name, List<Epoch> epochs, int steps, int skippedSteps, long examplesSeen, double seconds,
                              double cpuSeconds, boolean stoppedEarly, int bestEpoch) implements Showable {

    /** One epoch: mean training loss and accuracy, validation accuracy (NaN without validation data). */
    public record Epoch(int epoch, double trainLoss, double trainAccuracy, double validationAccuracy, double seconds) {
    }

    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    public Epoch last() {
        return epochs.get(epochs.size() - 1);
    }

    public double finalTrainAccuracy() {
        return last().trainAccuracy();
    }

    public Table table() {
        Table table = Table.create(name + ": training history", IntColumn.create("epoch"), DoubleColumn.create("train loss"),
                DoubleColumn.create("train accuracy"), DoubleColumn.create("validation accuracy"), DoubleColumn.create("seconds"));
        for (Epoch e : epochs) {
            table.intColumn("epoch").append(e.epoch());
            table.doubleColumn("train loss").append(round(e.trainLoss()));
            table.doubleColumn("train accuracy").append(round(e.trainAccuracy()));
            table.doubleColumn("validation accuracy").append(round(e.validationAccuracy()));
            table.doubleColumn("seconds").append(Math.round(e.seconds() * 100) / 100.0);
        }
        return table;
    }

    /** Training loss and the accuracies against the epoch. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(720).height(360).title(name).xAxisTitle("epoch").yAxisTitle("value").build();
        double[] x = epochs.stream().mapToDouble(Epoch::epoch).toArray();
        chart.addSeries("train loss", x, epochs.stream().mapToDouble(Epoch::trainLoss).toArray());
        chart.addSeries("train accuracy", x, epochs.stream().mapToDouble(Epoch::trainAccuracy).toArray());
        if (epochs.stream().noneMatch(e -> Double.isNaN(e.validationAccuracy()))) {
            chart.addSeries("validation accuracy", x, epochs.stream().mapToDouble(Epoch::validationAccuracy).toArray());
        }
        return chart;
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10000) / 10000.0;
    }

    @Override
    public Object view() {
        return table();
    }
}
