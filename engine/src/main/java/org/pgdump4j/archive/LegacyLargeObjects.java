package org.pgdump4j.archive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.toc.CatalogId;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;
import org.pgdump4j.toc.TocEntry.EntryNames;
import org.pgdump4j.toc.TocEntry.EntrySql;

/**
 * Large objects as archives before 1.16 record them, for pg_restore 12..16: one BLOB entry per object (lo_create,
 * lo_unlink), its comment and privileges per object, and a single BLOBS entry holding every object's data —
 * instead of 1.16's grouped BLOB METADATA and BLOBS entries, which older pg_restore does not understand.
 *
 * @param toc     the rewritten TOC
 * @param sources the 1.16 BLOBS entries whose objects make up each legacy BLOBS entry (by its dump id)
 */
public record LegacyLargeObjects(Toc toc, Map<Integer, List<TocEntry>> sources) {
    private static final long PG_LARGEOBJECT = 2613;

    public LegacyLargeObjects {
        sources = Map.copyOf(sources);
    }

    /** The TOC unchanged when {@code version} understands grouped large objects, else rewritten. */
    public static LegacyLargeObjects forVersion(Toc toc, ArchiveVersion version) {
        boolean grouped = toc.entries().stream().anyMatch(e -> e.is(EntryKind.BLOB_METADATA));
        if (version.atLeast(ArchiveVersion.V1_16) || !grouped) {
            return new LegacyLargeObjects(toc, Map.of());
        }
        int nextId = toc.entries().stream().mapToInt(TocEntry::dumpId).max().orElse(0) + 1;
        Map<Integer, TocEntry> metadataById = new HashMap<>();
        Map<Integer, List<TocEntry>> attached = new LinkedHashMap<>();
        for (TocEntry e : toc.entries()) {
            if (e.is(EntryKind.BLOB_METADATA)) {
                metadataById.put(e.dumpId(), e);
            }
        }
        for (TocEntry e : toc.entries()) {
            if ((e.is(EntryKind.COMMENT) || e.is(EntryKind.ACL)) && e.dependencies().size() == 1
                    && metadataById.containsKey(e.dependencies().get(0))) {
                attached.computeIfAbsent(e.dependencies().get(0), k -> new ArrayList<>()).add(e);
            }
        }
        List<TocEntry> out = new ArrayList<>();
        List<TocEntry> blobs = new ArrayList<>();
        int legacyBlobsId = nextId++;
        for (TocEntry e : toc.entries()) {
            if (e.is(EntryKind.BLOB_METADATA)) {
                nextId = perObject(e, attached.getOrDefault(e.dumpId(), List.of()), nextId, out);
            } else if (e.is(EntryKind.BLOBS)) {
                if (blobs.isEmpty()) {
                    out.add(new TocEntry(legacyBlobsId, CatalogId.NONE, EntryKind.BLOBS.desc(), Section.DATA,
                            new EntryNames("BLOBS", null, null, null, null), new EntrySql("", "", null), List.of(),
                            true));
                }
                blobs.add(e);
            } else if (!attached.values().stream().anyMatch(l -> l.contains(e))) {
                out.add(e);
            }
        }
        return new LegacyLargeObjects(new Toc(toc.info(), out), Map.of(legacyBlobsId, blobs));
    }

    /** One BLOB entry per OID of a metadata group, each followed by its comment and its privileges. */
    private static int perObject(TocEntry metadata, List<TocEntry> attached, int nextId, List<TocEntry> out) {
        String firstOid = metadata.definition().lines().findFirst().orElse("").trim();
        for (String line : metadata.definition().lines().toList()) {
            String oid = line.trim();
            int blobId = nextId++;
            out.add(new TocEntry(blobId, new CatalogId(PG_LARGEOBJECT, Long.parseLong(oid)), EntryKind.BLOB.desc(),
                    EntryKind.BLOB.section(),
                    new EntryNames(oid, null, metadata.owner(), null, null),
                    new EntrySql("SELECT pg_catalog.lo_create('" + oid + "');\n",
                            "SELECT pg_catalog.lo_unlink('" + oid + "');\n", null), List.of(), false));
            for (TocEntry a : attached) {
                if (a.is(EntryKind.COMMENT) && a.tag().equals("LARGE OBJECT " + oid)) {
                    out.add(withDependency(a, nextId++, a.tag(), a.definition(), blobId));
                } else if (a.is(EntryKind.ACL)) {
                    // the group's privileges are written for its first object: the same statements per object
                    String sql = a.definition().replace("LARGE OBJECT " + firstOid + " ", "LARGE OBJECT " + oid + " ");
                    out.add(withDependency(a, nextId++, "LARGE OBJECT " + oid, sql, blobId));
                }
            }
        }
        return nextId;
    }

    private static TocEntry withDependency(TocEntry e, int id, String tag, String defn, int dependency) {
        return new TocEntry(id, e.catalogId(), e.desc(), e.section(),
                new EntryNames(tag, e.namespace(), e.owner(), null, null),
                new EntrySql(defn, e.dropStatement(), e.copyStatement(), e.sql().emptyDropStored()), List.of(dependency), e.hasData());
    }
}
