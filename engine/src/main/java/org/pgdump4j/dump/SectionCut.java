package org.pgdump4j.dump;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * {@code pg_dump --section} for the archive formats: pg_dump writes only the entries its own restore options require
 * (a plain dump gets the same choice from the script renderer). The encoding, standard_conforming_strings and
 * search_path entries, DATABASE and DATABASE PROPERTIES (an archive is always made for --create) stay; a comment,
 * label or ACL belongs to the section of the entry before it. A kept entry's dependency on a left-out one is replaced
 * by that one's own dependencies, as pg_dump's BuildArchiveDependencies does, except for the entries pg_dump gives
 * their dependencies when it creates them (data, comments, labels, ACLs, statistics), which keep them as they are.
 */
final class SectionCut {
    /** Entries whose dependencies pg_dump sets in ArchiveEntry, so BuildArchiveDependencies leaves them alone. */
    private static final Set<EntryKind> GIVEN_DEPENDENCIES = Set.of(EntryKind.TABLE_DATA, EntryKind.SEQUENCE_SET,
            EntryKind.MATERIALIZED_VIEW_DATA, EntryKind.STATISTICS_DATA, EntryKind.COMMENT, EntryKind.SECURITY_LABEL,
            EntryKind.ACL, EntryKind.BLOBS);

    private static final Set<EntryKind> ALWAYS = Set.of(EntryKind.ENCODING, EntryKind.STDSTRINGS,
            EntryKind.SEARCHPATH, EntryKind.DATABASE, EntryKind.DATABASE_PROPERTIES);

    private SectionCut() {
    }

    /** {@code toc} with only the entries of {@code sections} (and those always kept). */
    static Toc cut(Toc toc, Set<Section> sections) {
        Map<Integer, TocEntry> byId = new HashMap<>();
        Set<Integer> kept = new TreeSet<>();
        Section current = Section.PRE_DATA;
        for (TocEntry e : toc.entries()) {
            byId.put(e.dumpId(), e);
            if (e.section() != Section.NONE) {
                current = e.section();
            }
            EntryKind kind = EntryKind.of(e.desc());
            if ((kind != null && ALWAYS.contains(kind)) || sections.contains(current)) {
                kept.add(e.dumpId());
            }
        }
        List<TocEntry> out = new ArrayList<>(kept.size());
        for (TocEntry e : toc.entries()) {
            if (!kept.contains(e.dumpId())) {
                continue;
            }
            EntryKind kind = EntryKind.of(e.desc());
            if ((kind != null && GIVEN_DEPENDENCIES.contains(kind)) || kept.containsAll(e.dependencies())) {
                out.add(e);
                continue;
            }
            Set<Integer> deps = new TreeSet<>();
            dumpable(e.dependencies(), byId, kept, deps, new TreeSet<>());
            out.add(new TocEntry(e.dumpId(), e.catalogId(), e.desc(), e.section(), e.names(), e.sql(),
                    List.copyOf(deps), e.hasData(), e.relkind()));
        }
        return new Toc(toc.info(), out);
    }

    /** pg_dump's findDumpableDependencies: kept dependencies as they are, left-out ones through theirs. */
    private static void dumpable(List<Integer> deps, Map<Integer, TocEntry> byId, Set<Integer> kept,
            Set<Integer> out, Set<Integer> seen) {
        for (Integer d : deps) {
            if (kept.contains(d)) {
                out.add(d);
            } else if (seen.add(d) && byId.containsKey(d)) {
                dumpable(byId.get(d).dependencies(), byId, kept, out, seen);
            }
        }
    }
}
