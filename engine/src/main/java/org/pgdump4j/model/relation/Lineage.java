package org.pgdump4j.model.relation;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.QualifiedName;

/**
 * Where a table stands among partitions, inheritance parents and types (pg_dump's TableInfo.ispartition,
 * partkeydef, parents, attislocal, notnull_islocal and reloftype, as flagInhAttrs leaves them).
 *
 * @param partitionKey pg_get_partkeydef() of a partitioned table, null for any other
 * @param partition    whether the table is a partition: created standalone with every column and CHECK constraint
 *                     (its TABLE ATTACH entry attaches it later), not with the columns its parent gives it
 * @param root         a partition's topmost ancestor, null for any other table
 * @param forcedRootLoad whether a partition's rows must be loaded through its root whatever the options: an
 *                     ancestor is hash-partitioned on an enum column, whose hash differs between databases
 *                     (pg_dump's unsafe_partitions)
 * @param parents      an inheritance child's parents in INHERITS order (none for a partition)
 * @param inheritedColumns an inheritance child's columns with no local definition: left to INHERITS
 * @param inheritedNotNulls columns whose NOT NULL comes from a parent only
 * @param nullDefaults columns without a default whose parent has one: written DEFAULT NULL
 * @param inheritedGenerations an inheritance child's generated columns whose expression its parents give: the
 *                     column is listed (when local) without it
 * @param ofType       a typed table's type as format_type() writes it, null for any other table
 */
public record Lineage(@Nullable String partitionKey, boolean partition, @Nullable QualifiedName root,
        boolean forcedRootLoad, List<QualifiedName> parents, Set<String> inheritedColumns,
        Set<String> inheritedNotNulls, Set<String> nullDefaults, Set<String> inheritedGenerations,
        @Nullable String ofType) {
    /** A table in no partition tree, with no parent and no type. */
    public static final Lineage NONE = new Lineage(null, false, null, false);

    public Lineage {
        parents = List.copyOf(parents);
        inheritedColumns = Set.copyOf(inheritedColumns);
        inheritedNotNulls = Set.copyOf(inheritedNotNulls);
        nullDefaults = Set.copyOf(nullDefaults);
        inheritedGenerations = Set.copyOf(inheritedGenerations);
    }

    /** A table in a partition tree only. */
    public Lineage(@Nullable String partitionKey, boolean partition, @Nullable QualifiedName root,
            boolean forcedRootLoad) {
        this(partitionKey, partition, root, forcedRootLoad, List.of(), Set.of(), Set.of(), Set.of(), Set.of(), null);
    }

    public boolean partitioned() {
        return partitionKey != null;
    }

    /** Whether CREATE TABLE lists the column (pg_dump's shouldPrintColumn): a partition lists every column. */
    public boolean prints(Column c) {
        return partition || !inheritedColumns.contains(c.name());
    }

    /** Whether a listed generated column is written with its expression (not when its parents give it). */
    public boolean printsGeneration(Column c) {
        return partition || !inheritedGenerations.contains(c.name());
    }

    /** Whether the column's NOT NULL is written with the table: it is local, or the table a partition. */
    public boolean printsNotNull(Column c) {
        return c.notNull() && (partition || !inheritedNotNulls.contains(c.name()));
    }
}
