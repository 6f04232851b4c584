package org.pgdump4j.object.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.trigger.Trigger;

class TriggerDdlTest {
    private static final String DEF = "CREATE TRIGGER \"Tr é\" BEFORE INSERT ON \"S s\".\"T\" FOR EACH ROW EXECUTE FUNCTION s.f()";

    private static Trigger trigger(char enabled, boolean foreign, boolean clone) {
        return new Trigger(new ObjectId(2620, 1), new QualifiedName("S s", "T"), "o", foreign, "Tr é", DEF, enabled,
                clone, null, Components.ALL);
    }

    @Test
    void anEnabledTriggerIsItsDefinition() {
        assertEquals(DEF + ";\n", TriggerDdl.create(trigger('O', false, false)));
        assertEquals("DROP TRIGGER \"Tr é\" ON \"S s\".\"T\";\n", TriggerDdl.drop(trigger('O', false, false)));
    }

    @Test
    void anotherEnabledStateFollowsAfterABlankLine() {
        assertEquals(DEF + ";\n\nALTER TABLE \"S s\".\"T\" DISABLE TRIGGER \"Tr é\";\n",
                TriggerDdl.create(trigger('D', false, false)));
        assertEquals(DEF + ";\n\nALTER TABLE \"S s\".\"T\" ENABLE REPLICA TRIGGER \"Tr é\";\n",
                TriggerDdl.create(trigger('R', false, false)));
        assertEquals(DEF + ";\n\nALTER FOREIGN TABLE \"S s\".\"T\" ENABLE ALWAYS TRIGGER \"Tr é\";\n",
                TriggerDdl.create(trigger('A', true, false)));
    }

    @Test
    void aPartitionsCloneWritesOnlyItsEnabledStateAndNoDrop() {
        assertEquals("\nALTER TABLE \"S s\".\"T\" DISABLE TRIGGER \"Tr é\";\n", TriggerDdl.create(trigger('D', false, true)));
        assertEquals("\nALTER TABLE \"S s\".\"T\" ENABLE TRIGGER \"Tr é\";\n", TriggerDdl.create(trigger('O', false, true)));
        assertEquals("", TriggerDdl.drop(trigger('D', false, true)));
    }

    @Test
    void anUnknownEnabledStateIsABug() {
        assertThrows(IllegalStateException.class, () -> TriggerDdl.create(trigger('x', false, false)));
    }
}
