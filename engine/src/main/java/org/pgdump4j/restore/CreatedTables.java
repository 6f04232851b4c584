package org.pgdump4j.restore;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.TocEntry;

/**
 * The TABLE DATA entries whose table this run created (pg_restore's te->created, set by mark_create_done): a parallel
 * worker may TRUNCATE such a table before loading it, since nobody else has seen it. Written by the leader, read by
 * the workers; thread-safe.
 */
final class CreatedTables {
    /** tableDataId: a TABLE's dump id to its TABLE DATA's (the data entry's first dependency is its table). */
    private final Map<Integer, Integer> dataOf = new HashMap<>();
    private final Set<Integer> created = ConcurrentHashMap.newKeySet();
    /** TABLE DATA entries not to restore: their table could not be created (--no-data-for-failed-tables). */
    private final Set<Integer> inhibited = ConcurrentHashMap.newKeySet();

    CreatedTables(Iterable<TocEntry> entries) {
        for (TocEntry te : entries) {
            if (te.is(EntryKind.TABLE_DATA) && !te.dependencies().isEmpty()) {
                dataOf.put(te.dependencies().get(0), te.dumpId());
            }
        }
    }

    /** The TABLE DATA dump id of a table, 0 if it has none. */
    int dataOf(int tableId) {
        return dataOf.getOrDefault(tableId, 0);
    }

    /** The TABLE entry {@code table} was created without error. */
    void markCreated(TocEntry table) {
        int data = dataOf(table.dumpId());
        if (data != 0) {
            created.add(data);
        }
    }

    /** Whether the table of this TABLE DATA entry was created in this run. */
    boolean isCreated(TocEntry tableData) {
        return created.contains(tableData.dumpId());
    }

    /** pg_restore's inhibit_data_for_failed_table: the TABLE entry {@code table} failed, its data is skipped. */
    void inhibitData(TocEntry table) {
        int data = dataOf(table.dumpId());
        if (data != 0) {
            inhibited.add(data);
        }
    }

    /** Whether this TABLE DATA entry is skipped because its table could not be created. */
    boolean isInhibited(TocEntry tableData) {
        return inhibited.contains(tableData.dumpId());
    }
}
