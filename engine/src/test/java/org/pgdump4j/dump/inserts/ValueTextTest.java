package org.pgdump4j.dump.inserts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pgdump4j.dump.inserts.ValueText.Kind;

/** One value's text, from its COPY field, as dumpTableData_insert writes it. */
class ValueTextTest {
    static String text(Kind kind, String copyField, boolean standardStrings) {
        byte[] b = copyField.getBytes(UTF_8);
        TextBuffer out = new TextBuffer();
        ValueText.append(kind, b, 0, b.length, out, standardStrings);
        return out.toString();
    }

    static String text(Kind kind, String copyField) {
        return text(kind, copyField, true);
    }

    @Test
    void kindsByType() {
        for (long oid : new long[] {20, 21, 23, 26, 700, 701, 1700}) {
            assertEquals(Kind.NUMBER, ValueText.kind(oid), "oid " + oid);
        }
        assertEquals(Kind.BITS, ValueText.kind(1560));
        assertEquals(Kind.BITS, ValueText.kind(1562));
        assertEquals(Kind.BOOL, ValueText.kind(16));
        for (long oid : new long[] {25, 1043, 1082, 1184, 17, 114, 3802, 1007, 790, 28, 5069, 2249}) {
            assertEquals(Kind.STRING, ValueText.kind(oid), "oid " + oid); // arrays, money and xid too
        }
    }

    @Test
    void numbersBareUnlessTheScannerCannotReadThem() {
        assertEquals("-9223372036854775808", text(Kind.NUMBER, "-9223372036854775808"));
        assertEquals("1.5e+300", text(Kind.NUMBER, "1.5e+300"));
        assertEquals("-0", text(Kind.NUMBER, "-0"));
        assertEquals("-0.00000000000000000001", text(Kind.NUMBER, "-0.00000000000000000001"));
        assertEquals("'NaN'", text(Kind.NUMBER, "NaN"));
        assertEquals("'Infinity'", text(Kind.NUMBER, "Infinity"));
        assertEquals("'-Infinity'", text(Kind.NUMBER, "-Infinity"));
        assertEquals("NULL", text(Kind.NUMBER, "\\N"));
    }

    @Test
    void bitsAndBooleans() {
        assertEquals("B'1010'", text(Kind.BITS, "1010"));
        assertEquals("B''", text(Kind.BITS, ""));
        assertEquals("true", text(Kind.BOOL, "t"));
        assertEquals("false", text(Kind.BOOL, "f"));
        assertEquals("NULL", text(Kind.BOOL, "\\N"));
    }

    @Test
    void stringsQuotedWithCopyEscapesUndone() {
        assertEquals("'it''s'", text(Kind.STRING, "it's"));
        assertEquals("''", text(Kind.STRING, ""));
        assertEquals("'tab\tnew\nline\rcr'", text(Kind.STRING, "tab\\tnew\\nline\\rcr"));
        assertEquals("'back\\slash'", text(Kind.STRING, "back\\\\slash"));
        assertEquals("'\b\f\u000b'", text(Kind.STRING, "\\b\\f\\v"));
        assertEquals("'\\N'", text(Kind.STRING, "\\\\N")); // the text \N, not a null
        assertEquals("'A!'", text(Kind.STRING, "\\101\\x21"));
        assertEquals("'ünï©ødé 🎉'", text(Kind.STRING, "ünï©ødé 🎉"));
    }

    @Test
    void backslashesDoubledWhenStringsAreNotStandard() {
        assertEquals("'back\\\\slash'", text(Kind.STRING, "back\\\\slash", false));
        assertEquals("'it''s'", text(Kind.STRING, "it's", false));
    }
}
