package dev.tlkit.viz;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/** Readable numbers in result tables: every double column printed with a fixed number of decimals. */
public final class Tables {
    private Tables() {
    }

    /** Prints every double column of {@code table} with {@code digits} decimals (the values stay exact). */
    public static Table decimals(Table table, int digits) {
        for (Column<?> column : table.columns()) {
            if (column instanceof DoubleColumn d) {
                d.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(digits));
            }
        }
        return table;
    }

    /** Prints the named double columns with {@code digits} decimals and an explicit sign (+1.5, -0.3). */
    public static Table signed(Table table, int digits, String... columns) {
        String pattern = "+0." + "0".repeat(digits) + ";-0." + "0".repeat(digits);
        for (String name : columns) {
            table.doubleColumn(name).setPrintFormatter(new NumberColumnFormatter(new java.text.DecimalFormat(pattern)));
        }
        return table;
    }

    /** Values in points with one decimal and a sign, e.g. "+3.0, -1.2, +4.4" (for per-seed gaps). */
    public static String points(double... values) {
        return java.util.Arrays.stream(values).mapToObj(v -> String.format("%+.1f", v))
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
