package org.pgdump4j.model.transform;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.RoutineRef;

/**
 * A transform (pg_dump's TransformInfo).
 *
 * @param sortName the type's pg_type name and the language's name, as pg_dump names a transform for sorting
 * @param type     the type as format_type() writes it
 * @param fromSql  the FROM SQL function, null when none
 * @param toSql    the TO SQL function, null when none
 */
public record Transform(ObjectId id, String sortName, String type, String language, @Nullable RoutineRef fromSql,
        @Nullable RoutineRef toSql, @Nullable String comment, Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.TRANSFORM;
    }

    @Override
    public @Nullable String schema() {
        return null;
    }
}
