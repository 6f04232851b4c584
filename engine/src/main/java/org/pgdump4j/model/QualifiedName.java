package org.pgdump4j.model;

import java.util.Objects;

/** A schema-qualified object name, unquoted. */
public record QualifiedName(String schema, String name) {
    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }
}
