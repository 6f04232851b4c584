package org.pgdump4j.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.toc.TocEntry.EntryNames;
import org.pgdump4j.toc.TocEntry.EntrySql;

/** pg_backup_archiver.c's section order check of a written TOC, one warning per entry out of its section. */
class SectionOrderTest {
    private static List<String> warnings(Section... sections) {
        List<TocEntry> entries = new ArrayList<>();
        for (Section s : sections) {
            entries.add(new TocEntry(entries.size() + 1, CatalogId.NONE, "X", s,
                    new EntryNames("x", null, null, null, null), new EntrySql("", "", null), List.of(), false));
        }
        List<String> out = new ArrayList<>();
        SectionOrder.check(entries, out::add);
        return out;
    }

    @Test
    void sectionsInOrderWarnNothingWhereverTheUnsectionedEntriesStand() {
        assertEquals(List.of(), warnings(Section.PRE_DATA, Section.NONE, Section.DATA, Section.NONE,
                Section.POST_DATA, Section.NONE, Section.POST_DATA));
        assertEquals(List.of(), warnings(Section.POST_DATA)); // post-data may follow anything, even nothing
    }

    @Test
    void eachEntryBehindItsSectionWarnsOnce() {
        assertEquals(List.of(SectionOrder.WARNING, SectionOrder.WARNING, SectionOrder.WARNING),
                warnings(Section.PRE_DATA, Section.DATA, Section.PRE_DATA, Section.POST_DATA, Section.NONE,
                        Section.DATA, Section.PRE_DATA));
        assertEquals("archive items not in correct section order", SectionOrder.WARNING);
    }
}
