package org.pgdump4j.model.relation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;

/**
 * A materialized view (pg_dump's TableInfo for relkind 'm'): created WITH NO DATA, filled by a REFRESH entry.
 *
 * @param tablespace   "" for the database default
 * @param accessMethod its table access method, null before server 12
 * @param options      its reloptions
 * @param definition   pg_get_viewdef() without its trailing semicolon
 * @param populated    it holds rows and so does every materialized view it reads (pg_dump's
 *                     buildMatViewRefreshDependencies): only then is it refreshed
 * @param refreshAfter the materialized views it reads, directly or through views, whose REFRESH comes first
 * @param extensions   the extensions it is marked to depend on (ALTER MATERIALIZED VIEW ... DEPENDS ON EXTENSION),
 *                     in pg_dump's order
 */
public record MaterializedView(
        ObjectId id,
        QualifiedName name,
        Ownership ownership,
        String tablespace,
        @Nullable String accessMethod,
        List<String> options,
        String definition,
        List<Column> columns,
        @Nullable String comment,
        boolean populated,
        List<ObjectId> refreshAfter,
        TableFeatures features,
        List<String> extensions,
        Components components) implements FamilyObject {
    public MaterializedView {
        options = List.copyOf(options);
        columns = List.copyOf(columns);
        refreshAfter = List.copyOf(refreshAfter);
        extensions = List.copyOf(extensions);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.TABLE;
    }

    @Override
    public String schema() {
        return name.schema();
    }

    @Override
    public String sortName() {
        return name.name();
    }
}
