package dev.tlkit.kernel;

import dev.tlkit.checks.CheckResult;
import dev.tlkit.viz.Html;
import dev.tlkit.viz.Markdown;
import dev.tlkit.viz.Showable;
import dev.tlkit.viz.TextDisplay;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.Destination;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

/**
 * Rich output for the kit's kinds of results: a Tablesaw {@link Table} as an HTML table, an XChart
 * chart as a PNG image, a check result as the kit's JSON MIME type with its text line, and a
 * {@link Showable} as whatever its view is. ({@code BufferedImage} already renders as PNG through the
 * base kernel.)
 */
public final class KitRenderers {
    /** Tables longer than this show their head and tail only. */
    static final int MAX_TABLE_ROWS = TextDisplay.MAX_TABLE_ROWS;
    private static final MIMEType TEXT_MARKDOWN = MIMEType.parse("text/markdown");
    private static final MIMEType CHECK = MIMEType.parse(CheckResult.MIME_TYPE);
    private static final int HEAD_ROWS = TextDisplay.HEAD_ROWS;
    private static final int TAIL_ROWS = 5;

    private KitRenderers() {
    }

    public static void registerAll(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((table, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> tableHtml(table));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> TextDisplay.textOf(table));
                });
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .register((chart, context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> chartPng(chart));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "chart: " + chart.getTitle());
                });
        renderer.createRegistration(Html.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((snippet, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, snippet::html);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, snippet::toString);
                });
        renderer.createRegistration(Markdown.class)
                .preferring(TEXT_MARKDOWN)
                .register((markdown, context) -> {
                    context.renderIfRequested(TEXT_MARKDOWN, markdown::text);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, markdown::text);
                });
        renderer.createRegistration(CheckResult.class)
                .preferring(CHECK, MIMEType.TEXT_PLAIN)
                .register((check, context) -> {
                    context.renderIfRequested(CHECK, check::asJson);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, check::line);
                });
        renderer.createRegistration(Showable.class)
                .preferring(MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG)
                .register((showable, context) -> {
                    DisplayData inner = context.getRenderer().render(showable.view());
                    context.getOutputContainer().assign(inner);
                });
    }

    /** The table as an HTML table with its name as caption; long tables are cut to head and tail. */
    public static String tableHtml(Table table) {
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
    public static String chartPng(Chart<?, ?> chart) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return Base64.getEncoder().encodeToString(png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the chart '" + chart.getTitle() + "'", e);
        }
    }

}
