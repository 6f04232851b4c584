package org.pgdump4j.model.eventtrigger;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * An event trigger (pg_dump's EventTriggerInfo).
 *
 * @param event    pg_event_trigger.evtevent: ddl_command_start, sql_drop, login (17+)...
 * @param tags     the WHEN TAG IN list, each tag already a quoted literal and joined by ", "; empty for none
 * @param function the function as {@code evtfoid::regproc} writes it (schema-qualified under an empty search_path)
 * @param enabled  pg_event_trigger.evtenabled: 'O' origin (the default), 'D' disabled, 'R' replica, 'A' always
 */
public record EventTrigger(ObjectId id, String name, String owner, String event, String tags, String function,
        char enabled, @Nullable String comment, Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.EVENT_TRIGGER;
    }

    @Override
    public @Nullable String schema() {
        return null;
    }

    @Override
    public String sortName() {
        return name;
    }
}
