package org.pgdump4j.model;

import org.jspecify.annotations.Nullable;

/**
 * A table constraint: PRIMARY KEY / UNIQUE / EXCLUDE (with their index), CHECK or FOREIGN KEY.
 *
 * @param type       pg_constraint.contype
 * @param definition pg_get_constraintdef()
 * @param index      the implementing index for p/u/x, else null
 * @param tablespace the implementing index's tablespace ("" default), null for c/f
 */
public record Constraint(
        ObjectId id,
        ObjectId table,
        String name,
        char type,
        String definition,
        boolean validated,
        @Nullable ObjectId index,
        @Nullable String tablespace,
        boolean clustered,
        @Nullable String comment) implements DbObject {

    public boolean isIndexBacked() {
        return type == 'p' || type == 'u' || type == 'x';
    }
}
