package org.pgdump4j.object.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.rule.Rule;

class RuleDdlTest {
    private static final String DEF = "CREATE RULE \"R é\" AS\n    ON UPDATE TO \"S s\".\"T\" DO  NOTIFY t;";

    private static Rule rule(char enabled) {
        return new Rule(new ObjectId(2618, 1), new QualifiedName("S s", "T"), "o", "R é", DEF, enabled, null,
                Components.ALL);
    }

    @Test
    void writesTheServersDefinitionVerbatim() {
        assertEquals(DEF + "\n", RuleDdl.create(rule('O')));
        assertEquals("DROP RULE \"R é\" ON \"S s\".\"T\";\n", RuleDdl.drop(rule('O')));
    }

    @Test
    void anotherFiringStateFollowsDirectly() {
        assertEquals(DEF + "\nALTER TABLE \"S s\".\"T\" DISABLE RULE \"R é\";\n", RuleDdl.create(rule('D')));
        assertEquals(DEF + "\nALTER TABLE \"S s\".\"T\" ENABLE REPLICA RULE \"R é\";\n", RuleDdl.create(rule('R')));
        assertEquals(DEF + "\nALTER TABLE \"S s\".\"T\" ENABLE ALWAYS RULE \"R é\";\n", RuleDdl.create(rule('A')));
    }

    @Test
    void anUnknownFiringStateIsABug() {
        assertThrows(IllegalStateException.class, () -> RuleDdl.create(rule('x')));
    }
}
