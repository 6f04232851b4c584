package org.pgdump4j.object.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.policy.Policy;
import org.pgdump4j.model.policy.RowSecurity;
import org.pgdump4j.object.RecordingSink;

class PolicyDdlTest {
    private static final QualifiedName T = new QualifiedName("S s", "T é");

    private static Policy policy(char cmd, boolean permissive, String roles, String using, String check) {
        return new Policy(new ObjectId(3256, 1), T, "o", "P é", cmd, permissive, roles, using, check, null,
                Components.ALL);
    }

    @Test
    void aPermissivePolicyForEveryCommandToPublicHasNeitherForNorTo() {
        assertEquals("CREATE POLICY \"P é\" ON \"S s\".\"T é\" USING ((a > 0));\n",
                PolicyDdl.create(policy('*', true, null, "(a > 0)", null)));
        assertEquals("DROP POLICY \"P é\" ON \"S s\".\"T é\";\n", PolicyDdl.drop(policy('*', true, null, null, null)));
    }

    @Test
    void restrictiveThenCommandThenRolesThenExpressions() {
        assertEquals("CREATE POLICY \"P é\" ON \"S s\".\"T é\" AS RESTRICTIVE FOR UPDATE TO p4j_reader, \"P4J R\""
                        + " USING ((a > 0)) WITH CHECK ((b IS NOT NULL));\n",
                PolicyDdl.create(policy('w', false, "p4j_reader, \"P4J R\"", "(a > 0)", "(b IS NOT NULL)")));
        assertEquals("CREATE POLICY \"P é\" ON \"S s\".\"T é\" FOR INSERT WITH CHECK (true);\n",
                PolicyDdl.create(policy('a', true, null, null, "true")));
        assertEquals("CREATE POLICY \"P é\" ON \"S s\".\"T é\" FOR SELECT TO p4j_reader;\n",
                PolicyDdl.create(policy('r', true, "p4j_reader", null, null)));
        assertEquals("CREATE POLICY \"P é\" ON \"S s\".\"T é\" AS RESTRICTIVE FOR DELETE USING (false);\n",
                PolicyDdl.create(policy('d', false, null, "false", null)));
    }

    @Test
    void anUnknownCommandIsABug() {
        assertThrows(IllegalStateException.class, () -> PolicyDdl.create(policy('x', true, null, null, null)));
    }

    @Test
    void policyEntryTaggedTableAndNameThenItsCommentOnTheTable() {
        Policy p = new Policy(new ObjectId(3256, 1), T, "o", "P é", '*', true, null, "true", null, "it's",
                Components.ALL);
        RecordingSink sink = new RecordingSink();
        PolicyEmitter.emit(p, sink);
        assertEquals(List.of(
                "definition POLICY | T é P é | S s | o | CREATE POLICY \"P é\" ON \"S s\".\"T é\" USING (true);\n"
                        + " | DROP POLICY \"P é\" ON \"S s\".\"T é\";\n",
                "comment POLICY \"P é\" ON | \"T é\" | S s | o | it's"), sink.calls());
    }

    @Test
    void rowSecurityIsTaggedWithTheTableHasNoDropAndNeedsItsTable() {
        RowSecurity r = new RowSecurity(ObjectId.relation(16500), T, "o", Components.ALL);
        RecordingSink sink = new RecordingSink();
        PolicyEmitter.emit(r, sink);
        assertEquals(List.of("definition ROW SECURITY | T é | S s | o | "
                + "ALTER TABLE \"S s\".\"T é\" ENABLE ROW LEVEL SECURITY; | "), sink.calls());
        // pg_dump's catalog id for it: class 0, the table's OID
        assertEquals(new ObjectId(0, 16500), r.id());
        assertEquals(List.of(ObjectId.relation(16500)), r.requires());
        assertEquals("T é", r.sortName());
    }
}
