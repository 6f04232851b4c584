package org.pgdump4j.object.relation;

import org.pgdump4j.ddl.PartitionDdl;
import org.pgdump4j.model.index.IndexAttach;
import org.pgdump4j.model.relation.TableAttach;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * pg_dump's dumpTableAttach and dumpIndexAttach: no DROP (dropping the partition or its index undoes them), owned
 * by the partition's owner so that the restore runs them as that role.
 */
public final class PartitionEmitter {
    private PartitionEmitter() {
    }

    public static void tableAttach(TableAttach a, EntrySink sink) {
        sink.definition(EntryKind.TABLE_ATTACH, a.partition().name(), a.schema(), a.owner(),
                PartitionDdl.attachTable(a), "");
    }

    public static void indexAttach(IndexAttach a, EntrySink sink) {
        sink.definition(EntryKind.INDEX_ATTACH, a.index().name(), a.schema(), a.owner(),
                PartitionDdl.attachIndex(a), "");
    }
}
