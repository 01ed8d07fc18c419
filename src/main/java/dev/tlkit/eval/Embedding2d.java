package dev.tlkit.eval;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.viz.Showable;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Feature vectors projected onto their two principal components (PCA, with commons-math's eigen
 * decomposition of the covariance), to see whether classes form separate clouds.
 *
 * @param explained share of the total variance the two components explain
 */
public record Embedding2d(String title, double[][] points, int[] labels, List<String> classNames, double explained)
        implements Showable {

    public static Embedding2d pca(String title, FeatureSet features) {
        int n = features.size();
        int d = features.dimension();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            float[] v = features.vector(i);
            for (int j = 0; j < d; j++) {
                mean[j] += v[j] / n;
            }
        }
        double[][] centered = new double[n][d];
        for (int i = 0; i < n; i++) {
            float[] v = features.vector(i);
            for (int j = 0; j < d; j++) {
                centered[i][j] = v[j] - mean[j];
            }
        }
        RealMatrix x = new Array2DRowRealMatrix(centered, false);
        RealMatrix covariance = x.transpose().multiply(x).scalarMultiply(1.0 / Math.max(1, n - 1));
        EigenDecomposition eigen = new EigenDecomposition(covariance);
        double[] values = eigen.getRealEigenvalues();
        int first = 0;
        int second = 1;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > values[first]) {
                second = first;
                first = i;
            } else if (i != first && (values[i] > values[second] || second == first)) {
                second = i;
            }
        }
        double total = 0;
        for (double v : values) {
            total += Math.max(0, v);
        }
        double[] a = eigen.getEigenvector(first).toArray();
        double[] b = eigen.getEigenvector(second).toArray();
        double[][] points = new double[n][2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                points[i][0] += centered[i][j] * a[j];
                points[i][1] += centered[i][j] * b[j];
            }
        }
        return new Embedding2d(title, points, features.labels(), features.classNames(),
                total == 0 ? 0 : (values[first] + values[second]) / total);
    }

    /**
     * The same points coloured by other groups (e.g. who speaks instead of which word): does the map separate
     * them too?
     */
    public Embedding2d colouredBy(String newTitle, int[] groups, List<String> groupNames) {
        if (groups.length != points.length) {
            throw new IllegalArgumentException(groups.length + " groups for " + points.length + " points");
        }
        return new Embedding2d(newTitle, points, groups.clone(), groupNames, explained);
    }

    /** A scatter plot, one colour per class. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(640).height(480).title(title)
                .xAxisTitle("principal component 1").yAxisTitle("principal component 2").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        for (int c = 0; c < classNames.size(); c++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                if (labels[i] == c) {
                    xs.add(points[i][0]);
                    ys.add(points[i][1]);
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(classNames.get(c), xs, ys).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }

    @Override
    public Object view() {
        return chart();
    }
}
