package org.pgdump4j.object.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.trigger.Trigger;

class TriggerDdlTest {
    private static final String DEF = "CREATE TRIGGER \"Tr é\" BEFORE INSERT ON \"S s\".\"T\" FOR EACH ROW EXECUTE FUNCTION s.f()";

    private static Trigger trigger(char enabled, boolean foreign, boolean clone) {
        return trigger(enabled, foreign, clone, List.of());
    }

    private static Trigger trigger(char enabled, boolean foreign, boolean clone, List<String> extensions) {
        return new Trigger(new ObjectId(2620, 1), new QualifiedName("S s", "T"), "o", foreign, "Tr é", DEF, enabled,
                clone, extensions, null, Components.ALL);
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
    void extensionMarksFollowTheDefinitionWithoutAFinalNewline() {
        String marks = "\nALTER TRIGGER \"Tr é\" ON \"S s\".\"T\" DEPENDS ON EXTENSION \"ext one\";"
                + "\nALTER TRIGGER \"Tr é\" ON \"S s\".\"T\" DEPENDS ON EXTENSION hstore;";
        assertEquals(DEF + ";\n" + marks, TriggerDdl.create(trigger('O', false, false, List.of("ext one", "hstore"))));
        assertEquals(DEF + ";\n" + marks + "\nALTER TABLE \"S s\".\"T\" DISABLE TRIGGER \"Tr é\";\n",
                TriggerDdl.create(trigger('D', false, false, List.of("ext one", "hstore"))));
        // a clone's CREATE is its parent's, and so are the marks
        assertEquals("\nALTER TABLE \"S s\".\"T\" DISABLE TRIGGER \"Tr é\";\n",
                TriggerDdl.create(trigger('D', false, true, List.of("hstore"))));
    }

    @Test
    void anUnknownEnabledStateIsABug() {
        assertThrows(IllegalStateException.class, () -> TriggerDdl.create(trigger('x', false, false)));
    }
}
