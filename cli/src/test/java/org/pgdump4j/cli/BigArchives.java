package org.pgdump4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.archive.codec.ArchiveIO;
import org.pgdump4j.archive.codec.HeaderCodec;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.CatalogId;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.TocEntry;

/**
 * Custom archives with huge TOCs, shaped as pg_dump writes them, generated entry by entry (too big to commit, too
 * slow to make with a real server): {@link #largeObjects} as pg_dump 15 writes a database of many large objects (one
 * BLOB entry each, one BLOBS data entry), {@link #tables} as pg_dump 18 writes many tables with an index and a
 * comment each.
 */
final class BigArchives {
    static final String OWNER = "big_owner";
    private static final int FIRST_OID = 100_000;

    private BigArchives() {
    }

    /** {@code objects FILE N} or {@code tables FILE N}: for bench/huge-toc.sh. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        if (args[0].equals("objects")) {
            largeObjects(file, n);
        } else {
            tables(file, n);
        }
    }

    private static ArchiveHeader header(ArchiveVersion version) {
        ArchiveInfo info = new ArchiveInfo("bigdb", "15.13", "15.13",
                ZonedDateTime.parse("2026-12-01T10:00:00Z[UTC]"));
        return new ArchiveHeader(version, ArchiveIO.INT_SIZE, ArchiveIO.OFF_SIZE, HeaderCodec.FORMAT_CUSTOM,
                Compression.NONE, info);
    }

    private static TocEntry entry(int dumpId, CatalogId id, String desc, Section section, String tag,
            String namespace, String definition, String drop, List<Integer> deps, boolean hasData) {
        return new TocEntry(dumpId, id, desc, section, new TocEntry.EntryNames(tag, namespace, OWNER,
                namespace == null ? null : "", desc.equals("TABLE") ? "heap" : null),
                new TocEntry.EntrySql(definition, drop, null), deps, hasData);
    }

    private static List<TocEntry> preamble() {
        return List.of(
                entry(1, new CatalogId(0, 0), "ENCODING", Section.PRE_DATA, "ENCODING", null,
                        "SET client_encoding = 'UTF8';\n", "", List.of(), false),
                entry(2, new CatalogId(0, 0), "STDSTRINGS", Section.PRE_DATA, "STDSTRINGS", null,
                        "SET standard_conforming_strings = 'on';\n", "", List.of(), false),
                entry(3, new CatalogId(0, 0), "SEARCHPATH", Section.PRE_DATA, "SEARCHPATH", null,
                        "SELECT pg_catalog.set_config('search_path', '', false);\n", "", List.of(), false));
    }

    /** The preamble, then {@code count} entries made by {@code make(i)} for i = 0..count-1. */
    private static Iterator<TocEntry> entries(int count, IntFunction<TocEntry> make) {
        List<TocEntry> head = preamble();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < head.size() + count;
            }

            @Override
            public TocEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return i < head.size() ? head.get(i) : make.apply(i - head.size());
            }
        };
    }

    /**
     * Archive 1.14 (pg_dump 15) of {@code objects} large objects of one byte each: a BLOB entry per object, then the
     * BLOBS entry holding their data.
     */
    static void largeObjects(Path file, int objects) throws IOException {
        int blobsId = 4 + objects;
        CustomArchiveParts.write(file, header(ArchiveVersion.V1_14), 3 + objects + 1, () -> entries(objects + 1,
                i -> {
                    if (i == objects) {
                        return entry(blobsId, new CatalogId(0, 0), "BLOBS", Section.DATA, "BLOBS", null, "", "",
                                List.of(), true);
                    }
                    String oid = Integer.toString(FIRST_OID + i);
                    return entry(4 + i, new CatalogId(2613, FIRST_OID + i), "BLOB", Section.PRE_DATA, oid, null,
                            "SELECT pg_catalog.lo_create('" + oid + "');\n",
                            "SELECT pg_catalog.lo_unlink('" + oid + "');\n", List.of(), false);
                }), (e, body) -> {
                    byte[] one = {'x'};
                    for (int i = 0; i < objects; i++) {
                        body.writeInt(FIRST_OID + i);
                        CustomArchiveParts.chunk(body, one);
                        CustomArchiveParts.end(body);
                    }
                    CustomArchiveParts.end(body);
                    return CustomArchiveParts.BLK_BLOBS;
                });
    }

    /**
     * Archive 1.16 (pg_dump 18) of {@code tables} tables, each with a table comment, then their indexes, in pg_dump's
     * order (pre-data, post-data).
     */
    static void tables(Path file, int tables) throws IOException {
        CustomArchiveParts.write(file, header(ArchiveVersion.V1_16), 3 + 3 * tables, () -> entries(3 * tables, i -> {
            int t = i < 2 * tables ? i / 2 : i - 2 * tables;
            int tableId = 4 + 2 * t;
            String name = "t" + t;
            if (i >= 2 * tables) {
                return entry(4 + 2 * tables + t, new CatalogId(1259, 20_001 + 2 * t), "INDEX", Section.POST_DATA,
                        name + "_id", "public", "CREATE INDEX " + name + "_id ON public." + name
                        + " USING btree (id);\n", "DROP INDEX public." + name + "_id;\n", List.of(tableId), false);
            }
            if (i % 2 == 0) {
                return entry(tableId, new CatalogId(1259, 20_000 + 2 * t), "TABLE", Section.PRE_DATA, name,
                        "public", "CREATE TABLE public." + name + " (\n    id integer\n);\n",
                        "DROP TABLE public." + name + ";\n", List.of(), false);
            }
            return entry(tableId + 1, new CatalogId(0, 0), "COMMENT", Section.NONE, "TABLE " + name, "public",
                    "COMMENT ON TABLE public." + name + " IS 'table " + t + "';\n", "", List.of(tableId), false);
        }), (e, body) -> {
            throw new IllegalStateException("no data entries");
        });
    }
}
