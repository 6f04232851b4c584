package org.pgdump4j.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pgdump4j.toc.CatalogId;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.TocEntry;

class ParallelDumpTest {
    private static TocEntry data(int id, String desc) {
        return new TocEntry(id, CatalogId.NONE, desc, Section.DATA,
                new TocEntry.EntryNames("t" + id, "public", "o", null, null),
                new TocEntry.EntrySql("", "", ""), List.of(), true);
    }

    @Test
    void largestFirstThenByDumpIdAsPgBackupArchiverSortsThem() {
        TocEntry a = data(10, "TABLE DATA");
        TocEntry b = data(11, "TABLE DATA");
        TocEntry c = data(12, "TABLE DATA");
        TocEntry blobs = data(13, "BLOBS");
        Map<Integer, Long> size = Map.of(10, 5L, 11, 900L, 12, 5L, 13, 8192L);
        assertEquals(List.of(blobs, b, a, c),
                ParallelDump.dispatchOrder(List.of(c, blobs, a, b), e -> size.get(e.dumpId())));
    }

    @Test
    void aParallelDumpHasAtLeastTwoJobs() {
        assertThrows(IllegalArgumentException.class, () -> new ParallelDump(1, () -> {
            throw new AssertionError();
        }, (r, e) -> { }, org.pgdump4j.monitor.RunMonitor.of(org.pgdump4j.progress.ProgressListener.NONE)));
    }
}
