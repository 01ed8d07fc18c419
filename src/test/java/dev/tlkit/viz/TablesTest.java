package dev.tlkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class TablesTest {
    @Test
    void numbersPrintWithFixedDecimalsAndSigns() {
        assertEquals("+3.0, -1.0, +4.4", Tables.points(2.96, -1.0400000000000076, 4.4));
        Table t = Tables.signed(Tables.decimals(Table.create("t", DoubleColumn.create("a", 0.123456),
                DoubleColumn.create("gap", -1.04)), 3), 1, "gap");
        String text = t.printAll();
        assertTrue(text.contains("0.123") && !text.contains("0.123456"), text);
        assertTrue(text.contains("-1.0"), text);
        assertEquals(0.123456, t.doubleColumn("a").get(0), 0); // the values stay exact
    }
}
