package org.pgdump4j.model.extension;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * An extension (pg_dump's ExtensionInfo). It lives outside schemas; {@code installSchema} is the schema its
 * objects were created in, written as {@code WITH SCHEMA}.
 */
public record Extension(ObjectId id, String name, String installSchema, @Nullable String comment,
        Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.EXTENSION;
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
