package org.pgdump4j.model;

import org.jspecify.annotations.Nullable;

/**
 * An index that is not the implementation of a constraint.
 *
 * @param definition pg_get_indexdef()
 * @param tablespace "" for the database default
 */
public record Index(
        ObjectId id,
        ObjectId table,
        String name,
        String definition,
        String tablespace,
        boolean clustered,
        @Nullable String comment) implements DbObject {
}
