package org.pgdump4j.object.eventtrigger;

import org.pgdump4j.model.eventtrigger.EventTrigger;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * pg_dump's dumpEventTrigger: the EVENT TRIGGER entry (post-data; pg_restore runs it in its last pass, so the
 * trigger does not fire during the restore), then its comment and security labels. Event triggers have no privileges.
 */
public final class EventTriggerEmitter {
    private EventTriggerEmitter() {
    }

    public static void emit(EventTrigger t, EntrySink sink) {
        sink.definition(EntryKind.EVENT_TRIGGER, t.name(), null, t.owner(), EventTriggerDdl.create(t),
                EventTriggerDdl.drop(t));
        sink.comment("EVENT TRIGGER", Sql.ident(t.name()), null, t.owner(), t.comment());
        sink.securityLabels("EVENT TRIGGER", Sql.ident(t.name()), null, t.owner());
    }
}
