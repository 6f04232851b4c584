package org.pgdump4j.object.seclabel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.CatalogReadException;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.seclabel.SecurityLabel;

class SecurityLabelDdlTest {
    @Test
    void oneLineALabelInTheirOrderWithProviderQuotedAndLabelALiteral() {
        List<SecurityLabel> labels = List.of(new SecurityLabel(0, "zeta", "table z"),
                new SecurityLabel(0, "My Prov", "it's"));
        assertEquals("SECURITY LABEL FOR zeta ON TABLE s.t IS 'table z';\n"
                + "SECURITY LABEL FOR \"My Prov\" ON TABLE s.t IS 'it''s';\n",
                SecurityLabelDdl.statements(labels, "TABLE s.t"));
    }

    @Test
    void aRelationsColumnsAreTargetedByTheirNumber() {
        List<SecurityLabel> labels = List.of(new SecurityLabel(0, "p", "t"), new SecurityLabel(2, "p", "c2"));
        assertEquals("SECURITY LABEL FOR p ON VIEW s.v IS 't';\nSECURITY LABEL FOR p ON COLUMN s.v.\"B\" IS 'c2';\n",
                SecurityLabelDdl.statements(labels, sub -> sub == 0 ? "VIEW s.v" : "COLUMN s.v.\"B\""));
    }

    @Test
    void anObjectsOwnLabelsOnItsQualifiedName() {
        List<SecurityLabel> labels = List.of(new SecurityLabel(0, "p", "f"), new SecurityLabel(1, "p", "a column's"));
        assertEquals("SECURITY LABEL FOR p ON FUNCTION \"My S\".f(integer) IS 'f';\n",
                SecurityLabelDdl.object(labels, "FUNCTION", "My S", "f(integer)"));
        assertEquals("SECURITY LABEL FOR p ON LARGE OBJECT 42 IS 'f';\n",
                SecurityLabelDdl.object(labels, "LARGE OBJECT", null, "42"));
    }

    @Test
    void aRelationsColumnsByTheirNumberAmongItsColumns() {
        List<Column> columns = List.of(column(1, "a"), column(3, "B c")); // 2 was dropped
        List<SecurityLabel> labels = List.of(new SecurityLabel(0, "p", "t"), new SecurityLabel(3, "p", "c"));
        assertEquals("SECURITY LABEL FOR p ON MATERIALIZED VIEW s.\"M v\" IS 't';\n"
                + "SECURITY LABEL FOR p ON COLUMN s.\"M v\".\"B c\" IS 'c';\n",
                SecurityLabelDdl.relation(labels, "MATERIALIZED VIEW", new QualifiedName("s", "M v"), columns));
    }

    @Test
    void aSystemColumnByItsNameAnUnknownNumberFailsAsPgDump() {
        List<Column> columns = List.of(column(1, "a"));
        assertEquals("SECURITY LABEL FOR p ON COLUMN s.t.ctid IS 'c';\n", SecurityLabelDdl.relation(
                List.of(new SecurityLabel(-1, "p", "c")), "TABLE", new QualifiedName("s", "t"), columns));
        CatalogReadException e = assertThrows(CatalogReadException.class, () -> SecurityLabelDdl.relation(
                List.of(new SecurityLabel(7, "p", "c")), "TABLE", new QualifiedName("s", "t"), columns));
        assertEquals("invalid column number 7 for table \"t\"", e.getMessage());
    }

    private static Column column(int num, String name) {
        return new Column(num, name, "integer", 23, false, "", null, null, '\0', '\0', null, null, null);
    }

    @Test
    void noLabelsNoText() {
        assertEquals("", SecurityLabelDdl.statements(List.of(), "SCHEMA s"));
    }
}
