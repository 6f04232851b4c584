package org.pgdump4j.restore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.InflaterInputStream;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.CatalogId;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * A small custom-format reader for the restore tests (archive 1.12 .. 1.16, uncompressed or gzip data), written
 * from archive-format.md so the restore engine can be tested before the real readers land. Reads the whole file.
 */
final class FixtureCustomReader implements ArchiveReader, ReaderExtras {
    private final byte[] buf;
    private int pos;
    private int intSize;
    private int offSize;
    private ArchiveVersion version;
    private final ArchiveHeader header;
    private final Toc toc;
    private final Map<Integer, Long> dataPos = new HashMap<>();
    private final Map<Integer, Integer> blockAt = new HashMap<>();

    FixtureCustomReader(Path file, ZoneId zone) throws IOException {
        buf = Files.readAllBytes(file);
        if (!new String(buf, 0, 5, StandardCharsets.US_ASCII).equals("PGDMP")) {
            throw new IOException("not a custom archive: " + file);
        }
        pos = 5;
        version = new ArchiveVersion(b(), b(), b());
        intSize = b();
        offSize = b();
        int format = b();
        Compression compression;
        if (version.atLeast(ArchiveVersion.V1_15)) {
            int alg = b();
            compression = new Compression(Compression.Method.values()[alg], Compression.DEFAULT_LEVEL);
        } else {
            int level = readInt();
            compression = level == 0 ? Compression.NONE : new Compression(Compression.Method.GZIP, level);
        }
        int sec = readInt();
        int min = readInt();
        int hour = readInt();
        int mday = readInt();
        int mon = readInt();
        int year = readInt();
        readInt();
        String db = readStr();
        String server = readStr();
        String dumper = readStr();
        ArchiveInfo info = new ArchiveInfo(db, server, dumper,
                LocalDateTime.of(year + 1900, mon + 1, mday, hour, min, sec).atZone(zone));
        int count = readInt();
        List<TocEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int dumpId = readInt();
            boolean hadDumper = readInt() != 0;
            long tableoid = Long.parseLong(readStr());
            long oid = Long.parseLong(readStr());
            String tag = readStr();
            String desc = readStr();
            int section = readInt();
            String defn = readStr();
            String drop = readStr();
            String copy = readStr();
            String ns = readStr();
            String ts = readStr();
            String am = version.atLeast(ArchiveVersion.V1_14) ? readStr() : null;
            char relkind = version.atLeast(ArchiveVersion.V1_16) ? (char) readInt() : '\0';
            String owner = readStr();
            readStr();
            List<Integer> deps = new ArrayList<>();
            for (String d = readStr(); d != null; d = readStr()) {
                deps.add(Integer.parseInt(d));
            }
            int flag = b();
            long off = 0;
            for (int k = 0; k < offSize; k++) {
                off |= (long) b() << (8 * k);
            }
            dataPos.put(dumpId, flag == 2 ? off : 0L);
            entries.add(new TocEntry(dumpId, new CatalogId(tableoid, oid), desc, Section.values()[section - 1],
                    new TocEntry.EntryNames(tag == null ? "" : tag, ns, owner, ts, am),
                    new TocEntry.EntrySql(defn == null ? "" : defn, drop == null ? "" : drop, copy), deps, hadDumper,
                    relkind));
        }
        // index the data blocks by scanning them sequentially (works for piped archives too)
        while (pos < buf.length) {
            int start = pos;
            int type = b();
            int id = readInt();
            blockAt.put(id, start);
            if (type == 1) {
                skipChunks();
            } else if (type == 3) {
                for (int lo = readInt(); lo != 0; lo = readInt()) {
                    skipChunks();
                }
            } else {
                throw new IOException("unrecognized data block type " + type + " at " + start);
            }
        }
        header = new ArchiveHeader(version, intSize, offSize, format, compression, info);
        toc = new Toc(info, entries);
    }

    private void skipChunks() {
        for (int len = readInt(); len != 0; len = readInt()) {
            pos += len;
        }
    }

    private byte[] chunks() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int len = readInt(); len != 0; len = readInt()) {
            out.write(buf, pos, len);
            pos += len;
        }
        return out.toByteArray();
    }

    private InputStream decompress(byte[] raw) {
        if (header.compression().method() == Compression.Method.NONE) {
            return new ByteArrayInputStream(raw);
        }
        if (header.compression().method() == Compression.Method.GZIP) {
            return new InflaterInputStream(new ByteArrayInputStream(raw));
        }
        throw new UnsupportedOperationException("test reader: no " + header.compression().method());
    }

    private int b() {
        return buf[pos++] & 0xff;
    }

    private int readInt() {
        int sign = b();
        int v = 0;
        for (int k = 0; k < intSize; k++) {
            v |= b() << (8 * k);
        }
        return sign != 0 ? -v : v;
    }

    private String readStr() {
        int len = readInt();
        if (len < 0) {
            return null;
        }
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    @Override
    public ArchiveHeader header() {
        return header;
    }

    @Override
    public Toc toc() {
        return toc;
    }

    @Override
    public InputStream openData(TocEntry entry) throws IOException {
        Integer at = blockAt.get(entry.dumpId());
        if (at == null) {
            throw new IOException("no data block for " + entry.dumpId());
        }
        pos = at;
        b();
        readInt();
        return decompress(chunks());
    }

    @Override
    public boolean isRandomAccess() {
        return true;
    }

    @Override
    public Optional<String> verboseTocLine(TocEntry entry) {
        return Optional.of("-- Data Pos: " + dataPos.getOrDefault(entry.dumpId(), 0L));
    }

    @Override
    public void readLargeObjects(TocEntry blobs, LargeObjectConsumer consumer) throws IOException {
        Integer at = blockAt.get(blobs.dumpId());
        if (at == null) {
            throw new IOException("no data block for " + blobs.dumpId());
        }
        pos = at;
        b();
        readInt();
        for (int oid = readInt(); oid != 0; oid = readInt()) {
            byte[] raw = chunks();
            int save = pos;
            try (InputStream in = decompress(raw)) {
                consumer.accept(Integer.toUnsignedLong(oid), in);
            }
            pos = save;
        }
    }

    @Override
    public void close() {
    }
}
