package org.pgdump4j.dump;

import org.pgdump4j.UsageException;

/**
 * Whether schema and data are dumped ({@code -s}, {@code -a}), with pg_dump 18's conflict check, and whether
 * partitions' rows are loaded through their partition root ({@code --load-via-partition-root}).
 */
public record ContentFlags(boolean schemaOnly, boolean dataOnly, boolean loadViaPartitionRoot) {
    public static final ContentFlags ALL = new ContentFlags(false, false);

    public ContentFlags(boolean schemaOnly, boolean dataOnly) {
        this(schemaOnly, dataOnly, false);
    }

    public ContentFlags {
        if (schemaOnly && dataOnly) {
            throw new UsageException("options -s/--schema-only and -a/--data-only cannot be used together");
        }
    }

    public boolean dumpSchema() {
        return !dataOnly;
    }

    public boolean dumpData() {
        return !schemaOnly;
    }
}
