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
 * An ordinary or partitioned table (pg_dump's TableInfo for relkind 'r' or 'p'). An extension's member table has no DEFINITION
 * component: only its changed privileges, and a configuration table's rows.
 *
 * @param tablespace   "" for the database default
 * @param accessMethod the table access method, null before server 12
 * @param persistence  pg_class.relpersistence ('p' permanent, 'u' unlogged)
 * @param checks       its validated CHECK constraints, written inside CREATE TABLE unless the sort moves one out
 * @param dataFilter   an extension configuration table's condition ({@code WHERE ...}) for its rows, or null
 * @param lineage      its place in a partition tree
 * @param features     what is written after CREATE TABLE, and its TOAST table's options
 * @param forceRowSecurity row-level security applies to its owner too (FORCE ROW LEVEL SECURITY)
 * @param diskBytes    its size on disk as the planner last saw it (relpages times the block size), for progress
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
        @Nullable String comment,
        List<Constraint> checks,
        @Nullable String dataFilter,
        Components components,
        Lineage lineage,
        TableFeatures features,
        boolean forceRowSecurity,
        long diskBytes) implements FamilyObject {
    public Table {
        options = List.copyOf(options);
        columns = List.copyOf(columns);
        checks = List.copyOf(checks);
    }

    /** A table whose size is not known. */
    public Table(ObjectId id, QualifiedName name, Ownership ownership, String tablespace, @Nullable String accessMethod,
            char persistence, List<String> options, List<Column> columns, @Nullable String comment,
            List<Constraint> checks, @Nullable String dataFilter, Components components, Lineage lineage,
            TableFeatures features, boolean forceRowSecurity) {
        this(id, name, ownership, tablespace, accessMethod, persistence, options, columns, comment, checks,
                dataFilter, components, lineage, features, forceRowSecurity, 0);
    }

    /** A table without settings beyond its CREATE TABLE. */
    public Table(ObjectId id, QualifiedName name, Ownership ownership, String tablespace, @Nullable String accessMethod,
            char persistence, List<String> options, List<Column> columns, @Nullable String comment,
            List<Constraint> checks, @Nullable String dataFilter, Components components, Lineage lineage) {
        this(id, name, ownership, tablespace, accessMethod, persistence, options, columns, comment, checks,
                dataFilter, components, lineage, TableFeatures.NONE, false, 0);
    }

    /** A table whose row-level security, if any, does not apply to its owner. */
    public Table(ObjectId id, QualifiedName name, Ownership ownership, String tablespace, @Nullable String accessMethod,
            char persistence, List<String> options, List<Column> columns, @Nullable String comment,
            List<Constraint> checks, @Nullable String dataFilter, Components components, Lineage lineage,
            TableFeatures features) {
        this(id, name, ownership, tablespace, accessMethod, persistence, options, columns, comment, checks,
                dataFilter, components, lineage, features, false, 0);
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
