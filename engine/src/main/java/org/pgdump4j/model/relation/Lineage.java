package org.pgdump4j.model.relation;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.QualifiedName;

/**
 * Where a table stands in a partition tree (pg_dump's TableInfo.ispartition and partkeydef).
 *
 * @param partitionKey pg_get_partkeydef() of a partitioned table, null for any other
 * @param partition    whether the table is a partition: created standalone with every column and CHECK constraint
 *                     (its TABLE ATTACH entry attaches it later), not with the columns its parent gives it
 * @param root         a partition's topmost ancestor, null for any other table
 * @param forcedRootLoad whether a partition's rows must be loaded through its root whatever the options: an
 *                     ancestor is hash-partitioned on an enum column, whose hash differs between databases
 *                     (pg_dump's unsafe_partitions)
 */
public record Lineage(@Nullable String partitionKey, boolean partition, @Nullable QualifiedName root,
        boolean forcedRootLoad) {
    /** A table in no partition tree. */
    public static final Lineage NONE = new Lineage(null, false, null, false);

    public boolean partitioned() {
        return partitionKey != null;
    }
}
