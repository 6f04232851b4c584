package org.pgdump4j.restore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.toc.CatalogId;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.TocEntry;

/**
 * is_load_via_partition_root, which keeps a parallel worker from truncating a partition whose rows come through its
 * root (they may belong to another partition on the target).
 */
class LoadViaPartitionRootTest {
    static TocEntry data(String defn, String copy) {
        return new TocEntry(7, CatalogId.NONE, "TABLE DATA", Section.DATA,
                new TocEntry.EntryNames("events_2024", "par", "o", null, null), new TocEntry.EntrySql(defn, "", copy),
                List.of(3), true);
    }

    @Test
    void theMarkerCommentOrACopyIntoAnotherTable() {
        assertTrue(Restorer.loadViaPartitionRoot(data("-- load via partition root par.events", "")));
        assertTrue(Restorer.loadViaPartitionRoot(data("", "COPY par.events (at, kind) FROM stdin;\n")));
        assertFalse(Restorer.loadViaPartitionRoot(data("", "COPY par.events_2024 (at, kind) FROM stdin;\n")));
        assertFalse(Restorer.loadViaPartitionRoot(data("", "")), "INSERT data: assumed not (as pg_restore)");
    }
}
