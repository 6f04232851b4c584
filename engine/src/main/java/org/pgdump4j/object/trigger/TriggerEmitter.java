package org.pgdump4j.object.trigger;

import org.pgdump4j.model.trigger.Trigger;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** pg_dump's dumpTrigger: the TRIGGER entry (post-data, tagged "table trigger", owned by the table's owner), then its comment. */
public final class TriggerEmitter {
    private TriggerEmitter() {
    }

    public static void emit(Trigger t, EntrySink sink) {
        sink.definition(EntryKind.TRIGGER, t.table().name() + " " + t.name(), t.table().schema(), t.tableOwner(),
                TriggerDdl.create(t), TriggerDdl.drop(t));
        sink.comment("TRIGGER " + Sql.ident(t.name()) + " ON", Sql.ident(t.table().name()), t.table().schema(),
                t.tableOwner(), t.comment());
    }
}
