package org.pgdump4j.model;

import org.jspecify.annotations.Nullable;

/**
 * A schema.
 *
 * @param comment    null when there is nothing to say; "" for public when its initdb comment was removed
 * @param create     false for public, which every database already has: never created or dropped
 * @param definition whether a SCHEMA entry is written at all (public gets one only to record a changed owner)
 */
public record Schema(ObjectId id, String name, Ownership ownership, @Nullable String comment, boolean create,
        boolean definition) implements DbObject {
}
