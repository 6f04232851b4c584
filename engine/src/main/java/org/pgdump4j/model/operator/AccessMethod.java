package org.pgdump4j.model.operator;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * An access method (pg_am row).
 *
 * @param type    'i' index, 't' table (servers 12 and newer); anything else is not dumped
 * @param handler amhandler as regproc text
 */
public record AccessMethod(ObjectId id, String name, char type, String handler, @Nullable String comment,
        Components components) implements FamilyObject {
    public AccessMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.ACCESS_METHOD;
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
