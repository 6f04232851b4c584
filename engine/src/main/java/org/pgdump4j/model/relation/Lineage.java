package org.pgdump4j.model.relation;

import org.jspecify.annotations.Nullable;

/**
 * Where a table stands in a partition tree (pg_dump's TableInfo.ispartition and partkeydef).
 *
 * @param partitionKey pg_get_partkeydef() of a partitioned table, null for any other
 * @param partition    whether the table is a partition: created standalone with every column and CHECK constraint
 *                     (its TABLE ATTACH entry attaches it later), not with the columns its parent gives it
 */
public record Lineage(@Nullable String partitionKey, boolean partition) {
    /** A table in no partition tree. */
    public static final Lineage NONE = new Lineage(null, false);

    public boolean partitioned() {
        return partitionKey != null;
    }
}
