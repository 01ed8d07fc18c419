package dev.tlkit.eval;

import dev.tlkit.viz.Showable;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Counts of (true class, predicted class); shows as a heat map. Rows are true classes. */
public record ConfusionMatrix(int[][] counts, List<String> classNames) implements Showable {

    public static ConfusionMatrix of(int[] labels, int[] predicted, List<String> classNames) {
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + predicted.length + " predictions");
        }
        int[][] counts = new int[classNames.size()][classNames.size()];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts, classNames);
    }

    public int count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    public int total() {
        int total = 0;
        for (int[] row : counts) {
            for (int c : row) {
                total += c;
            }
        }
        return total;
    }

    /** The off-diagonal cell with the most examples: the pair of classes most confused. */
    public int[] mostConfusedPair() {
        int[] best = {0, 1};
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                if (t != p && counts[t][p] > counts[best[0]][best[1]]) {
                    best = new int[] {t, p};
                }
            }
        }
        return best;
    }

    public Table table() {
        Table table = Table.create("Confusion matrix (rows: true class, columns: predicted)",
                StringColumn.create("true class", classNames));
        for (int p = 0; p < classNames.size(); p++) {
            IntColumn column = IntColumn.create(classNames.get(p));
            for (int[] row : counts) {
                column.append(row[p]);
            }
            table.addColumns(column);
        }
        return table;
    }

    public Table classReport() {
        DoubleColumn precision = DoubleColumn.create("precision");
        DoubleColumn recall = DoubleColumn.create("recall");
        DoubleColumn f1 = DoubleColumn.create("F1");
        IntColumn support = IntColumn.create("support");
        for (int c = 0; c < classNames.size(); c++) {
            int truePositives = counts[c][c];
            int predicted = 0;
            int actual = 0;
            for (int k = 0; k < classNames.size(); k++) {
                predicted += counts[k][c];
                actual += counts[c][k];
            }
            double p = predicted == 0 ? 0 : truePositives / (double) predicted;
            double r = actual == 0 ? 0 : truePositives / (double) actual;
            precision.append(round(p));
            recall.append(round(r));
            f1.append(round(p + r == 0 ? 0 : 2 * p * r / (p + r)));
            support.append(actual);
        }
        return Table.create("Per-class report", StringColumn.create("class", classNames), precision, recall, f1, support);
    }

    /** The matrix as an XChart heat map. */
    public HeatMapChart heatMap() {
        HeatMapChart chart = new HeatMapChartBuilder().width(640).height(560).title("Confusion matrix")
                .xAxisTitle("predicted class").yAxisTitle("true class").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setXAxisLabelRotation(45);
        List<Number[]> cells = new ArrayList<>();
        int n = classNames.size();
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                cells.add(new Number[] {p, n - 1 - t, counts[t][p]});
            }
        }
        List<String> reversed = new ArrayList<>(classNames);
        java.util.Collections.reverse(reversed);
        chart.addSeries("counts", classNames, reversed, cells);
        return chart;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    @Override
    public Object view() {
        return heatMap();
    }
}
