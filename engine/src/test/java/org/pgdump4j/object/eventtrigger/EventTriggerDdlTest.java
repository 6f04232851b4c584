package org.pgdump4j.object.eventtrigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.eventtrigger.EventTrigger;

class EventTriggerDdlTest {
    private static EventTrigger trigger(String name, String tags, char enabled) {
        return new EventTrigger(new ObjectId(3466, 16500), name, "p4j_owner", "ddl_command_start", tags,
                "public.on_ddl", enabled, null, Components.ALL);
    }

    @Test
    void plainTrigger() {
        assertEquals("CREATE EVENT TRIGGER e ON ddl_command_start\n   EXECUTE FUNCTION public.on_ddl();\n",
                EventTriggerDdl.create(trigger("e", "", 'O')));
        assertEquals("DROP EVENT TRIGGER e;\n", EventTriggerDdl.drop(trigger("e", "", 'O')));
    }

    @Test
    void tagsAndEveryEnabledState() {
        assertEquals("CREATE EVENT TRIGGER \"Odd E\" ON ddl_command_start\n"
                + "         WHEN TAG IN ('CREATE TABLE', 'DROP TABLE')\n"
                + "   EXECUTE FUNCTION public.on_ddl();\n\nALTER EVENT TRIGGER \"Odd E\" DISABLE;\n",
                EventTriggerDdl.create(trigger("Odd E", "'CREATE TABLE', 'DROP TABLE'", 'D')));
        assertEquals("\nALTER EVENT TRIGGER e ENABLE REPLICA;\n",
                after(EventTriggerDdl.create(trigger("e", "", 'R'))));
        assertEquals("\nALTER EVENT TRIGGER e ENABLE ALWAYS;\n",
                after(EventTriggerDdl.create(trigger("e", "", 'A'))));
    }

    private static String after(String create) {
        return create.substring(create.indexOf("();\n") + 4);
    }
}
