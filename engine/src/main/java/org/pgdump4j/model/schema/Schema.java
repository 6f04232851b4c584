package org.pgdump4j.model.schema;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;

/**
 * A schema (pg_dump's NamespaceInfo). A schema that is not dumped has no components and keeps its place in the
 * sort.
 *
 * @param comment    null when there is nothing to say; "" for public when its initdb comment was removed
 * @param create     false for public, which every database already has: never created or dropped
 * @param definition whether a SCHEMA entry is written at all (public gets one only to record a changed owner)
 */
public record Schema(ObjectId id, String name, Ownership ownership, @Nullable String comment, boolean create,
        boolean definition, Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.NAMESPACE;
    }

    @Override
    public @Nullable String schema() {
        return null;
    }

    @Override
    public String sortName() {
        return name;
    }

    /** The same schema with the components the selection rules gave it. */
    public Schema withComponents(Components c) {
        return new Schema(id, name, ownership, comment, create, definition, c);
    }
}
