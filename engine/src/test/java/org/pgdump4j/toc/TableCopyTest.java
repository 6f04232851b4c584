package org.pgdump4j.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableCopyTest {
    @Test
    void plainCopy() {
        assertEquals("COPY s.t (a, b) TO stdout;", new TableCopy("s.t", "(a, b)", List.of(23L, 25L)).statement(""));
        assertEquals("COPY s.t (a) TO stdout (FORMAT binary);",
                new TableCopy("s.t", "(a)", List.of(23L)).statement("FORMAT binary"));
    }

    /** pg_dump's dumpTableData_copy for an extension configuration table with a condition. */
    @Test
    void filteredCopySelectsTheColumns() {
        assertEquals("COPY (SELECT a, \"B\" FROM s.t WHERE is_user) TO stdout;",
                new TableCopy("s.t", "(a, \"B\")", List.of(23L, 25L), "WHERE is_user").statement(""));
        assertEquals("COPY (SELECT * FROM s.t WHERE true) TO stdout (FORMAT binary);",
                new TableCopy("s.t", "", List.of(), "WHERE true").statement("FORMAT binary"));
    }

    /** pg_dump reads a foreign table through a SELECT with an empty condition (hence the space before the paren). */
    @Test
    void foreignTableCopySelectsWithAnEmptyCondition() {
        TableCopy copy = new TableCopy("s.ft", "(a, b)", List.of(23L, 25L), "", true);
        assertEquals("COPY (SELECT a, b FROM s.ft ) TO stdout;", copy.statement(""));
        assertEquals("COPY (SELECT * FROM s.ft ) TO stdout;", new TableCopy("s.ft", "", List.of(), "", true)
                .statement(""));
    }
}
