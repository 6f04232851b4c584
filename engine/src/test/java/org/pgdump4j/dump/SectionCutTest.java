package org.pgdump4j.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.CatalogId;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;
import org.pgdump4j.toc.TocEntry.EntryNames;
import org.pgdump4j.toc.TocEntry.EntrySql;

/** What pg_dump 18 stored for --section (seen in its archives of the same shape). */
class SectionCutTest {
    private final List<TocEntry> entries = new ArrayList<>();

    private void add(int id, EntryKind kind, Integer... deps) {
        entries.add(new TocEntry(id, CatalogId.NONE, kind.desc(), kind.section(),
                new EntryNames("e" + id, null, null, null, null), new EntrySql("", "", null), List.of(deps), false));
    }

    private Toc toc() {
        add(1, EntryKind.ENCODING);
        add(2, EntryKind.STDSTRINGS);
        add(3, EntryKind.SEARCHPATH);
        add(4, EntryKind.DATABASE);
        add(5, EntryKind.COMMENT, 4);
        add(6, EntryKind.DATABASE_PROPERTIES);
        add(10, EntryKind.SCHEMA);
        add(11, EntryKind.TABLE, 10);
        add(12, EntryKind.COMMENT, 11);
        add(13, EntryKind.ACL, 11);
        add(20, EntryKind.TABLE_DATA, 11);
        add(30, EntryKind.CONSTRAINT, 11);
        add(31, EntryKind.INDEX, 30, 11, 11);
        add(32, EntryKind.FK_CONSTRAINT, 11, 30, 10);
        add(33, EntryKind.COMMENT, 31);
        return new Toc(new ArchiveInfo("db", "18.1", "18.1", ZonedDateTime.now()), entries);
    }

    private static String shape(Toc toc) {
        StringBuilder sb = new StringBuilder();
        toc.entries().forEach(e -> sb.append(e.dumpId()).append(e.dependencies()).append(' '));
        return sb.toString().trim();
    }

    @Test
    void postDataKeepsTheSpecialEntriesAndFoldsDependenciesOnLeftOutOnes() {
        assertEquals("1[] 2[] 3[] 4[] 6[] 30[] 31[30] 32[30] 33[31]",
                shape(SectionCut.cut(toc(), Set.of(Section.POST_DATA))));
    }

    @Test
    void dataKeepsTheDependenciesPgDumpGaveItsEntries() {
        assertEquals("1[] 2[] 3[] 4[] 6[] 20[11]", shape(SectionCut.cut(toc(), Set.of(Section.DATA))));
    }

    @Test
    void commentsAndAclsFollowTheEntryBeforeThem() {
        assertEquals("1[] 2[] 3[] 4[] 5[4] 6[] 10[] 11[10] 12[11] 13[11] 30[11] 31[30, 11, 11] 32[11, 30, 10] 33[31]",
                shape(SectionCut.cut(toc(), Set.of(Section.PRE_DATA, Section.POST_DATA))));
    }
}
