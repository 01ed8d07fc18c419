package dev.tlkit.kernel;

import dev.tlkit.checks.CheckResult;
import dev.tlkit.viz.Html;
import dev.tlkit.viz.Markdown;
import dev.tlkit.viz.Showable;
import dev.tlkit.viz.TextDisplay;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.Destination;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

/**
 * The kit's rich output as Jupyter MIME bundles, whichever kernel shows them: a Tablesaw {@link Table} as an HTML
 * table, an XChart chart and a picture as PNG, a check result as the kit's JSON MIME type with its text line, HTML
 * and Markdown snippets, and a {@link Showable} as its view. Each kernel's renderer API (basekernel's for the kit's
 * kernel and IJava, JJava's fork) registers {@link #KINDS} with these bundles.
 */
final class RichOutputs {
    /** Tables longer than this show their head and tail only. */
    static final int MAX_TABLE_ROWS = TextDisplay.MAX_TABLE_ROWS;
    static final String TEXT_PLAIN = "text/plain";
    static final String TEXT_HTML = "text/html";
    static final String TEXT_MARKDOWN = "text/markdown";
    static final String IMAGE_PNG = "image/png";
    private static final int HEAD_ROWS = TextDisplay.HEAD_ROWS;
    private static final int TAIL_ROWS = 5;

    /** A kind of value the kit shows, and the MIME types a front end should prefer for it. */
    record Kind(Class<?> type, List<String> preferred) {
    }

    /** The kinds the kernels register (pictures too: JJava and basekernel draw them the same way, but a view may be one). */
    static final List<Kind> KINDS = List.of(
            new Kind(Table.class, List.of(TEXT_HTML)),
            new Kind(Chart.class, List.of(IMAGE_PNG)),
            new Kind(Html.class, List.of(TEXT_HTML)),
            new Kind(Markdown.class, List.of(TEXT_MARKDOWN)),
            new Kind(CheckResult.class, List.of(CheckResult.MIME_TYPE, TEXT_PLAIN)),
            new Kind(Showable.class, List.of(TEXT_HTML, IMAGE_PNG)));

    private RichOutputs() {
    }

    /** The MIME bundle of {@code value}: every representation the kit has for it, text/plain last. */
    static Map<String, Object> bundle(Object value) {
        Map<String, Object> bundle = new LinkedHashMap<>();
        if (value instanceof Showable showable) {
            return bundle(showable.view());
        } else if (value instanceof Table table) {
            bundle.put(TEXT_HTML, tableHtml(table));
        } else if (value instanceof Chart<?, ?> chart) {
            bundle.put(IMAGE_PNG, chartPng(chart));
            bundle.put(TEXT_PLAIN, "chart: " + chart.getTitle());
            return bundle;
        } else if (value instanceof RenderedImage image) {
            bundle.put(IMAGE_PNG, imagePng(image));
        } else if (value instanceof Html html) {
            bundle.put(TEXT_HTML, html.html());
        } else if (value instanceof Markdown markdown) {
            bundle.put(TEXT_MARKDOWN, markdown.text());
            bundle.put(TEXT_PLAIN, markdown.text());
            return bundle;
        } else if (value instanceof CheckResult check) {
            bundle.put(CheckResult.MIME_TYPE, check.asJson());
            bundle.put(TEXT_PLAIN, check.line());
            return bundle;
        }
        bundle.put(TEXT_PLAIN, TextDisplay.textOf(value));
        return bundle;
    }

    /** The table as an HTML table with its name as caption; long tables are cut to head and tail. */
    static String tableHtml(Table table) {
        StringWriter html = new StringWriter();
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<p><b>").append(Html.escape(table.name())).append("</b> (")
                    .append(String.valueOf(table.rowCount())).append(" rows)</p>");
        }
        Table shown = table.rowCount() > MAX_TABLE_ROWS
                ? table.first(HEAD_ROWS).append(table.last(TAIL_ROWS))
                : table;
        new HtmlWriter().write(shown, HtmlWriteOptions.builder(new Destination(html)).build());
        if (shown != table) {
            html.append("<p>… showing the first ").append(String.valueOf(HEAD_ROWS)).append(" and last ")
                    .append(String.valueOf(TAIL_ROWS)).append(" of ").append(String.valueOf(table.rowCount()))
                    .append(" rows</p>");
        }
        return html.toString();
    }

    /** The chart drawn as a base64-encoded PNG, as Jupyter's image/png expects. */
    static String chartPng(Chart<?, ?> chart) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return Base64.getEncoder().encodeToString(png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the chart '" + chart.getTitle() + "'", e);
        }
    }

    static String imagePng(RenderedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the picture as PNG", e);
        }
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
