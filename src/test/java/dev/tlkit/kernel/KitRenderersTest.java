package dev.tlkit.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.viz.Showable;
import dev.tlkit.viz.TextDisplay;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.common.Image;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class KitRenderersTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    private static Renderer renderer() {
        Renderer renderer = new Renderer();
        Image.registerAll(renderer);
        KitRenderers.registerAll(renderer);
        return renderer;
    }

    @Test
    void aTableRendersAsAnEscapedHtmlTableWithItsName() {
        Table table = Table.create("scores", StringColumn.create("model", "probe", "<scratch>"), IntColumn.create("acc", 81, 79));
        DisplayData data = renderer().render(table);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<table"), html);
        assertTrue(html.contains("<b>scores</b> (2 rows)"), html);
        assertTrue(html.contains("&lt;scratch&gt;"), html);
        assertTrue(data.hasDataForType(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aLongTableShowsHeadAndTail() {
        int[] values = new int[500];
        Arrays.setAll(values, i -> i);
        String html = RichOutputs.tableHtml(Table.create("long", IntColumn.create("v", values)));
        assertTrue(html.contains("<td>24</td>") && html.contains("<td>499</td>") && !html.contains("<td>250</td>"));
        assertTrue(html.contains("of 500 rows"));
    }

    @Test
    void chartsRenderAsPng() {
        XYChart xy = new XYChart(300, 200);
        xy.addSeries("line", new double[] {1, 2, 3}, new double[] {3, 1, 2});
        var bars = new CategoryChartBuilder().width(300).height(200).title("bars").build();
        bars.addSeries("s", java.util.List.of("a", "b"), java.util.List.of(1, 2));
        for (Object chart : new Object[] {xy, bars}) {
            DisplayData data = renderer().render(chart);
            byte[] png = Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG));
            assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 4));
        }
    }

    @Test
    void imagesRenderAsPng() {
        DisplayData data = renderer().render(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY));
        byte[] png = Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG));
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 4));
    }

    @Test
    void aShowableRendersAsItsView() {
        Showable result = () -> Table.create("view", IntColumn.create("x", 1));
        DisplayData data = renderer().render(result);
        assertTrue(((String) data.getData(MIMEType.TEXT_HTML)).contains("<b>view</b>"));
    }

    @Test
    void outsideANotebookDisplayPrintsText() {
        assertEquals("[image 3x2]", TextDisplay.textOf(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB)));
        assertTrue(TextDisplay.textOf(Table.create("t", IntColumn.create("x", 1))).contains("t"));
    }
}
