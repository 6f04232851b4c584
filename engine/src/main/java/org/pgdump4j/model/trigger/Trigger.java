package org.pgdump4j.model.trigger;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.QualifiedName;

/**
 * A table's trigger (pg_dump's TriggerInfo), written after its table as pg_dump's dumpTrigger does.
 *
 * @param table        the table (or view, foreign table) it fires on
 * @param tableOwner   the table's owner, the entry's owner
 * @param foreignTable whether the table is a foreign table (ALTER FOREIGN TABLE to change the enabled state)
 * @param definition   pg_get_triggerdef(oid, false), without a final semicolon
 * @param enabled      pg_trigger.tgenabled: 'O' origin (the default), 'D' disabled, 'R' replica, 'A' always
 * @param partitionClone a trigger its partition got from the partitioned table's: only its changed enabled state
 *                     is written
 * @param extensions   the extensions it is marked to depend on (ALTER TRIGGER ... DEPENDS ON EXTENSION), by name
 */
public record Trigger(ObjectId id, QualifiedName table, String tableOwner, boolean foreignTable, String name,
        String definition, char enabled, boolean partitionClone, List<String> extensions, @Nullable String comment,
        Components components) implements FamilyObject {
    public Trigger {
        extensions = List.copyOf(extensions);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.TRIGGER;
    }

    @Override
    public String schema() {
        return table.schema();
    }

    @Override
    public String sortName() {
        return name;
    }

    /** pg_dump_sort.c: triggers of the same name sort by their table's name. */
    @Override
    public String tiebreak() {
        return table.name();
    }
}
