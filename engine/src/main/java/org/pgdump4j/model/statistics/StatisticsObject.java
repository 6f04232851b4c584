package org.pgdump4j.model.statistics;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * An extended statistics object (pg_dump's StatsExtInfo).
 *
 * @param definition what pg_get_statisticsobjdef returns (no final semicolon); "" when the object is not dumped
 * @param target     stxstattarget when set (13+; -1 before 17, NULL from 17, mean the default), else null
 */
public record StatisticsObject(ObjectId id, String schema, String name, String owner, String definition,
        @Nullable Integer target, @Nullable String comment, Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.STATSEXT;
    }

    @Override
    public String sortName() {
        return name;
    }
}
