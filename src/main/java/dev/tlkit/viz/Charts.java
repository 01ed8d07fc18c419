package dev.tlkit.viz;

import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** One-line XChart charts that display inline in a notebook. */
public final class Charts {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 400;

    private Charts() {
    }

    /** A bar chart of {@code values} per category. */
    public static CategoryChart bar(String title, String xTitle, String yTitle, List<String> categories,
                                    List<? extends Number> values) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 6 ? 45 : 0);
        chart.getStyler().setXAxisMaxLabelCount(categories.size());
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.addSeries(yTitle, categories, values);
        return chart;
    }
}
