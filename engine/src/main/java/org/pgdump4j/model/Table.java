package org.pgdump4j.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ordinary table.
 *
 * @param tablespace   "" for the database default
 * @param accessMethod the table access method, null before server 12
 * @param persistence  pg_class.relpersistence ('p' permanent, 'u' unlogged)
 */
public record Table(
        ObjectId id,
        QualifiedName name,
        Ownership ownership,
        String tablespace,
        @Nullable String accessMethod,
        char persistence,
        List<String> options,
        List<Column> columns,
        @Nullable String comment) implements DbObject {
    public Table {
        options = List.copyOf(options);
        columns = List.copyOf(columns);
    }
}
