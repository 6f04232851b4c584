package org.pgdump4j.object.seclabel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
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
    void noLabelsNoText() {
        assertEquals("", SecurityLabelDdl.statements(List.of(), "SCHEMA s"));
    }
}
