package org.pgdump4j.archive.codec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.toc.CatalogId;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * The table of contents (archive-format.md section 4): an Int count, then one entry per {@link TocEntry}, each
 * ending in a format-specific extra field supplied by an {@link ExtraField}: {@link #OFFSET} for the custom
 * format, {@link #FILENAME} for directory and tar {@code toc.dat}.
 *
 * <pre>{@code
 * ArchiveHeader h = HeaderCodec.read(in, HeaderCodec.FORMAT_TAR);
 * List<TocCodec.Item<String>> items = TocCodec.read(in, h, TocCodec.FILENAME);   // entry + "3372.dat" / ""
 * ...
 * HeaderCodec.write(out, h);
 * TocCodec.write(out, h.version(), items, TocCodec.FILENAME);
 * }</pre>
 *
 * <p>Model mapping: NULL tag, definition and drop statement are read as {@code ""}, and an empty definition or drop
 * statement is written as NULL (what pg_dump writes for entries without one; pg_restore treats both alike).
 * Other strings keep NULL vs "". {@code tableoid}/{@code oid} are decimal strings in the archive. withOids is read
 * and ignored, written as {@code "false"}. Archives before 1.11 get the section pg_restore derives from the desc.
 */
public final class TocCodec {
    /**
     * Reads and writes the last field of each entry, whose type depends on the format.
     *
     * @param <X> the field's Java type
     */
    public interface ExtraField<X> {
        X read(ArchiveInput in) throws IOException;

        void write(ArchiveOutput out, ArchiveVersion version, X value) throws IOException;
    }

    /** One entry and its format-specific extra field. */
    public record Item<X>(TocEntry entry, X extra) {
        public Item {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Custom format: the data block's {@link DataOffset} (pre-1.7 archives: Int position plus an Int size). */
    public static final ExtraField<DataOffset> OFFSET = new ExtraField<>() {
        @Override
        public DataOffset read(ArchiveInput in) throws IOException {
            if (in.version().compareTo(V1_7) < 0) {
                long v = in.readIntLong();
                in.readIntLong(); // obsolete data size
                return v < 0 ? DataOffset.UNKNOWN : v == 0 ? DataOffset.NONE : DataOffset.at(v);
            }
            return in.readOffset();
        }

        @Override
        public void write(ArchiveOutput out, ArchiveVersion version, DataOffset value) throws IOException {
            out.writeOffset(value);
        }
    };

    /**
     * Directory and tar {@code toc.dat}: the data file name ({@code "3372.dat"}, {@code "blobs_3378.toc"}) or
     * {@code ""} for entries without data. Read NULL is returned as {@code ""}.
     */
    public static final ExtraField<String> FILENAME = new ExtraField<>() {
        @Override
        public String read(ArchiveInput in) throws IOException {
            String s = in.readStr("file name");
            return s == null ? "" : s;
        }

        @Override
        public void write(ArchiveOutput out, ArchiveVersion version, String value) throws IOException {
            out.writeStr(value);
        }
    };

    static final ArchiveVersion V1_3 = new ArchiveVersion(1, 3, 0);
    static final ArchiveVersion V1_5 = new ArchiveVersion(1, 5, 0);
    static final ArchiveVersion V1_6 = new ArchiveVersion(1, 6, 0);
    static final ArchiveVersion V1_7 = new ArchiveVersion(1, 7, 0);
    static final ArchiveVersion V1_8 = new ArchiveVersion(1, 8, 0);
    static final ArchiveVersion V1_9 = new ArchiveVersion(1, 9, 0);
    static final ArchiveVersion V1_10 = new ArchiveVersion(1, 10, 0);
    static final ArchiveVersion V1_11 = new ArchiveVersion(1, 11, 0);

    private static final Section[] SECTIONS = Section.values();

    /** Smallest possible encoded entry (used to bound the count on seekable input). */
    private static final int MIN_ENTRY_BYTES = 10;

    private TocCodec() {
    }

    /**
     * Reads the TOC count and entries; {@code in} must be positioned right after the header (as
     * {@link HeaderCodec#read} leaves it).
     */
    public static <X> List<Item<X>> read(ArchiveInput in, ArchiveHeader header, ExtraField<X> extra)
            throws IOException {
        int count = readCount(in);
        List<Item<X>> items = new ArrayList<>(Math.min(count, 4096));
        for (int i = 0; i < count; i++) {
            in.context("TOC entry", i + 1, count);
            TocEntry e = readEntry(in);
            in.context("TOC entry", e.dumpId(), -1);
            X x = extra.read(in);
            items.add(new Item<>(e, x));
        }
        in.context("");
        return items;
    }

    /** What {@link #scan} hands over for each entry. */
    public interface EntryVisitor<X> {
        void visit(int dumpId, X extra) throws IOException;
    }

    /**
     * Reads the TOC as {@link #read} does (same checks, same errors) without keeping or even decoding the entries'
     * text (their definitions are most of a schema-only archive): each entry's dump id and extra field go to
     * {@code visitor}; returns the position of every entry, so they can be read later ({@link #readEntry}).
     */
    public static <X> long[] scan(ArchiveInput in, ExtraField<X> extra, EntryVisitor<X> visitor) throws IOException {
        int count = readCount(in);
        long[] positions = new long[count];
        for (int i = 0; i < count; i++) {
            in.context("TOC entry", i + 1, count);
            positions[i] = in.position();
            int dumpId = entry(in, false).dumpId();
            in.context("TOC entry", dumpId, -1);
            visitor.visit(dumpId, extra.read(in));
        }
        in.context("");
        return positions;
    }

    private static int readCount(ArchiveInput in) throws IOException {
        long cpos = in.position();
        int count = in.readInt("TOC entry count");
        long size = in.size();
        if (count < 0 || (size >= 0 && (long) count * MIN_ENTRY_BYTES > size - in.position())) {
            throw in.corruptAt("invalid TOC entry count " + count, cpos);
        }
        return count;
    }

    /** Convenience: the {@link Toc} of the items. */
    public static Toc toc(ArchiveHeader header, List<? extends Item<?>> items) {
        return new Toc(header.info(), items.stream().map(Item::entry).toList());
    }

    /** Reads one entry, without its extra field, in the layout of {@code in.version()}. */
    public static TocEntry readEntry(ArchiveInput in) throws IOException {
        return entry(in, true);
    }

    /**
     * One entry in the layout of {@code in.version()}, with every check; with {@code decode} false its strings are
     * skipped, not decoded (read as "" or null), and the entry holds only the dump id, catalog id, section, relkind
     * and data flag.
     */
    private static TocEntry entry(ArchiveInput in, boolean decode) throws IOException {
        // the version as one int, compared once per field (no record comparisons per field of every entry)
        int v = in.version().code();
        long start = in.position();
        int dumpId = in.readInt("dump id");
        if (dumpId <= 0) {
            throw in.corruptAt("entry ID " + dumpId + " out of range -- perhaps a corrupt TOC", start);
        }
        in.context("TOC entry", dumpId, -1);
        int hadDumper = in.readInt("hadDumper");
        long tableOid = 0;
        if (v >= V1_8.code()) {
            tableOid = oid(in, "tableoid");
        }
        long oid = oid(in, "oid");
        String tag = nz(str(in, "tag", decode));
        String desc = nz(str(in, "desc", decode || v < V1_11.code()));
        Section section;
        if (v >= V1_11.code()) {
            long spos = in.position();
            int code = in.readInt("section");
            section = section(code);
            if (section == null) {
                throw in.corruptAt("invalid section code " + code, spos);
            }
        } else {
            section = sectionOf(desc);
        }
        String defn = nz(str(in, "definition", decode));
        String storedDrop = str(in, "drop statement", decode);
        String drop = nz(storedDrop);
        String copy = v >= V1_3.code() ? str(in, "copy statement", decode) : null;
        String namespace = v >= V1_6.code() ? str(in, "namespace", decode) : null;
        String tablespace = v >= V1_10.code() ? str(in, "tablespace", decode) : null;
        String tableAm = v >= ArchiveVersion.V1_14.code() ? str(in, "table access method", decode) : null;
        char relkind = '\0';
        if (v >= ArchiveVersion.V1_16.code()) {
            long rpos = in.position();
            int rk = in.readInt("relkind");
            if (rk < 0 || rk > 0xffff) {
                throw in.corruptAt("invalid relkind " + rk, rpos);
            }
            relkind = (char) rk;
        }
        String owner = str(in, "owner", decode);
        if (v >= V1_9.code()) {
            str(in, "withOids", false);
        }
        List<Integer> deps = new ArrayList<>();
        if (v >= V1_5.code()) {
            while (true) {
                long quick = in.readDecimalStr();
                if (quick >= 0 && quick <= Integer.MAX_VALUE) {
                    if (decode) {
                        deps.add((int) quick);
                    }
                    continue;
                }
                long dpos = in.position();
                String d = in.readStr("dependency");
                if (d == null) {
                    break;
                }
                try {
                    int dep = Integer.parseInt(d.trim());
                    if (decode) {
                        deps.add(dep);
                    }
                } catch (NumberFormatException ex) {
                    throw in.corruptAt("invalid dependency \"" + d + "\"", dpos);
                }
            }
        }
        return new TocEntry(dumpId, new CatalogId(tableOid, oid), desc, section,
                new TocEntry.EntryNames(tag, namespace, owner, tablespace, tableAm),
                new TocEntry.EntrySql(defn, drop, copy, storedDrop != null), deps, hadDumper != 0, relkind);
    }

    /** Writes the count and every entry with its extra field, in the layout of {@code version}. */
    public static <X> void write(ArchiveOutput out, ArchiveVersion version, List<? extends Item<X>> items,
            ExtraField<X> extra) throws IOException {
        out.writeInt(items.size());
        for (Item<X> item : items) {
            writeEntry(out, version, item.entry());
            extra.write(out, version, item.extra());
        }
    }

    /** Writes one entry without its extra field. */
    public static void writeEntry(ArchiveOutput out, ArchiveVersion v, TocEntry e) throws IOException {
        out.writeInt(e.dumpId());
        out.writeInt(e.hasData() ? 1 : 0);
        if (v.atLeast(V1_8)) {
            out.writeStr(Long.toUnsignedString(e.catalogId().tableOid()));
        }
        out.writeStr(Long.toUnsignedString(e.catalogId().oid()));
        out.writeStr(e.tag());
        out.writeStr(e.desc());
        if (v.atLeast(V1_11)) {
            out.writeInt(e.section().code());
        }
        out.writeStr(nullIfEmpty(e.definition()));
        out.writeStr(e.sql().emptyDropStored() ? "" : nullIfEmpty(e.dropStatement()));
        if (v.atLeast(V1_3)) {
            out.writeStr(e.copyStatement());
        }
        if (v.atLeast(V1_6)) {
            out.writeStr(e.namespace());
        }
        if (v.atLeast(V1_10)) {
            out.writeStr(e.names().tablespace());
        }
        if (v.atLeast(ArchiveVersion.V1_14)) {
            out.writeStr(e.names().tableAm());
        }
        if (v.atLeast(ArchiveVersion.V1_16)) {
            out.writeInt(e.relkind());
        }
        out.writeStr(e.owner());
        if (v.atLeast(V1_9)) {
            out.writeStr("false");
        }
        if (v.atLeast(V1_5)) {
            for (int d : e.dependencies()) {
                out.writeStr(Integer.toString(d));
            }
            out.writeStr(null);
        }
    }

    /** A Str read ({@code decode}) or skipped with the same checks: null then. */
    private static @Nullable String str(ArchiveInput in, String what, boolean decode) throws IOException {
        if (decode) {
            return in.readStr(what);
        }
        in.skipStr(what);
        return null;
    }

    private static long oid(ArchiveInput in, String what) throws IOException {
        long quick = in.readDecimalStr();
        return quick >= 0 ? quick : oid(in, in.readStr(what), what);
    }

    private static long oid(ArchiveInput in, @Nullable String s, String what) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        try {
            long v = Long.parseLong(s.trim());
            if (v < 0 || v > 0xFFFFFFFFL) {
                throw in.corrupt("invalid " + what + " \"" + s + "\"");
            }
            return v;
        } catch (NumberFormatException ex) {
            throw in.corrupt("invalid " + what + " \"" + s + "\"");
        }
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }

    private static @Nullable Section section(int code) {
        for (Section s : SECTIONS) {
            if (s.code() == code) {
                return s;
            }
        }
        return null;
    }

    /** pg_restore's section for archives before 1.11, derived from the desc. */
    static Section sectionOf(String desc) {
        EntryKind kind = EntryKind.of(desc);
        if (kind == null) {
            return Section.PRE_DATA;
        }
        return switch (kind) {
            case COMMENT, ACL, ACL_LANGUAGE -> Section.NONE;
            case TABLE_DATA, BLOBS, BLOB_COMMENTS -> Section.DATA;
            case CONSTRAINT, CHECK_CONSTRAINT, FK_CONSTRAINT, INDEX, RULE, TRIGGER -> Section.POST_DATA;
            default -> Section.PRE_DATA;
        };
    }
}
