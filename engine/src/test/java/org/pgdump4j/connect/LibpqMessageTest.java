package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** libpq's error cursor (reportErrorPosition) and the batch position mapping, as psql shows them. */
class LibpqMessageTest {
    private static String cursor(String query, int position) {
        StringBuilder out = new StringBuilder();
        LibpqMessage.cursor(out, query, position);
        return out.toString();
    }

    @Test
    void shortLine() {
        assertEquals("LINE 1: CREATE TABLE t (a nosuchtype);\n"
                   + "                          ^\n", cursor("CREATE TABLE t (a nosuchtype);", 19));
    }

    @Test
    void secondLineAndTabs() {
        // a tab shows as one space
        assertEquals("LINE 2:  a nosuchtype\n"
                   + "           ^\n", cursor("CREATE TABLE t (\n\ta nosuchtype\n);\n", 21));
    }

    @Test
    void longLineCutOnTheRight() {
        String q = "SELECT " + "x".repeat(100) + " FROM t";
        assertEquals("LINE 1: SELECT " + "x".repeat(53) + "...\n" + " ".repeat(15) + "^\n", cursor(q, 8));
    }

    @Test
    void longLineCutOnBothSides() {
        String q = "SELECT " + "a, ".repeat(40) + "zz, " + "b, ".repeat(40) + "c";
        int loc = q.indexOf("zz") + 1;
        String shown = cursor(q, loc);
        // 60 columns at most between the cuts, ten to the right of the caret
        String line = shown.substring(0, shown.indexOf('\n'));
        assertEquals("LINE 1: ..." + q.substring(loc + 10 - 60 - 1, loc + 10 - 1) + "...", line);
        assertEquals(" ".repeat("LINE 1: ...".length() + 50) + "^", shown.substring(shown.indexOf('\n') + 1,
                shown.length() - 1));
    }

    @Test
    void wideCharactersTakeTwoColumns() {
        assertEquals("LINE 1: SELECT 表 + x\n"
                   + "                    ^\n", cursor("SELECT 表 + x", 12));
    }

    @Test
    void positionPastTheEndShowsNothing() {
        assertEquals("", cursor("SELECT 1", 40));
    }

    @Test
    void positionInTheSecondStatementOfABatch() {
        String batch = "CREATE TABLE a (x int);\nALTER TABLE a ADD COLUMN y nosuch;\n";
        // PgJDBC sends "\nALTER TABLE ..." or "ALTER TABLE ..." on its own; the server counts within that. A
        // position beyond the first statement's length can only be in the second.
        int inSecond = "ALTER TABLE a ADD COLUMN y ".length() + 1;
        int mapped = LibpqMessage.positionInBatch(batch, inSecond + 1);
        assertEquals('n', batch.charAt(mapped - 1));
    }
}
