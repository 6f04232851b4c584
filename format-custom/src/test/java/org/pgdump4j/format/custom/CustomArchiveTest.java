package org.pgdump4j.format.custom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.archive.LargeObjectSink;
import org.pgdump4j.archive.WriterOptions;
import org.pgdump4j.archive.codec.DataOffset;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.CatalogId;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/** Writer behaviour and the error messages for bad input. */
class CustomArchiveTest {
    @TempDir
    Path tmp;

    static TocEntry entry(int id, String desc, boolean data) {
        return new TocEntry(id, new CatalogId(0, 16000 + id), desc, data ? Section.DATA : Section.PRE_DATA,
                new TocEntry.EntryNames("t" + id, "public", "me", null, null),
                new TocEntry.EntrySql(data ? "" : "CREATE TABLE t" + id + " ();\n", "",
                        desc.equals("TABLE DATA") ? "COPY public.t" + id + " (a) FROM stdin;\n" : null),
                List.of(), data);
    }

    static Toc toc() {
        return new Toc(new ArchiveInfo("db", "18.1", "pgdump4j", ZonedDateTime.now()),
                List.of(entry(1, "TABLE", false), entry(2, "TABLE DATA", true), entry(3, "TABLE DATA", true),
                        entry(4, "BLOBS", true)));
    }

    static ArchiveHeader header(Toc t) {
        return new ArchiveHeader(ArchiveVersion.V1_16, 4, 8, 1, Compression.NONE, t.info());
    }

    void writeSample(CustomArchiveWriter w, Toc t) throws IOException {
        w.begin(header(t), t);
        // data out of TOC order on purpose
        try (OutputStream o = w.openData(t.entries().get(2))) {
            o.write("3\n\\.\n\n\n".getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream o = w.openData(t.entries().get(1))) {
            for (int i = 0; i < 20000; i++) {
                o.write((i + "\n").getBytes(StandardCharsets.UTF_8));
            }
            o.write("\\.\n\n\n".getBytes(StandardCharsets.UTF_8));
        }
        try (LargeObjectSink s = w.openLargeObjects(t.entries().get(3))) {
            try (OutputStream o = s.openBlob(424242)) {
                o.write(new byte[20000]);
            }
            s.openBlob(424243).close();
        }
        w.finish();
    }

    @Test
    void writesOffsetsAndReadsBackInAnyOrder() throws IOException {
        for (Compression.Method m : Compression.Method.values()) {
            Toc t = toc();
            Path f = tmp.resolve("a-" + m + ".dump");
            try (CustomArchiveWriter w = new CustomArchiveWriter(f, new WriterOptions(ArchiveVersion.V1_16,
                    new Compression(m, m == Compression.Method.NONE ? 0 : Compression.DEFAULT_LEVEL)))) {
                writeSample(w, t);
            }
            try (Stream<Path> s = Files.list(tmp)) {
                assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
            }
            try (CustomArchiveReader r = CustomArchiveReader.open(f)) {
                assertEquals(m, r.header().compression().method());
                for (TocEntry e : r.toc().entries()) {
                    assertEquals(e.hasData(), r.offset(e).isSet());
                }
                StringBuilder rows = new StringBuilder();
                for (int i = 0; i < 20000; i++) {
                    rows.append(i).append('\n');
                }
                assertEquals(rows + "\\.\n\n\n", CustomFixtureTest.read(r, r.toc().entries().get(1)));
                assertEquals("3\n\\.\n\n\n", CustomFixtureTest.read(r, r.toc().entries().get(2)));
                List<String> los = new ArrayList<>();
                r.readLargeObjects(r.toc().entries().get(3), (oid, in) -> los.add(oid + ":" + in.readAllBytes().length));
                assertEquals(List.of("424242:20000", "424243:0"), los);
            }
        }
    }

    @Test
    void pipeOutputKeepsOffsetsUnsetAndReadsSequentially() throws IOException {
        Toc t = toc();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CustomArchiveWriter w = new CustomArchiveWriter(bytes, new WriterOptions(ArchiveVersion.V1_16,
                Compression.GZIP_DEFAULT))) {
            writeSample(w, t);
        }
        try (CustomArchiveReader r = CustomArchiveReader.open(new ByteArrayInputStream(bytes.toByteArray()), "stdin")) {
            assertFalse(r.isRandomAccess());
            for (TocEntry e : r.toc().entries()) {
                assertEquals(e.hasData() ? DataOffset.UNKNOWN : DataOffset.NONE, r.offset(e));
            }
            // block order in the file is 3, 2, BLOBS: asking for 2 skips 3, which is then behind us
            assertTrue(CustomFixtureTest.read(r, r.toc().entries().get(1)).startsWith("0\n1\n"));
            ArchiveFormatException e = assertThrows(ArchiveFormatException.class,
                    () -> CustomFixtureTest.read(r, r.toc().entries().get(2)));
            assertTrue(e.getMessage().contains("non-seekable input file"), e.getMessage());
        }
        Path f = tmp.resolve("pipe.dump");
        Files.write(f, bytes.toByteArray());
        try (CustomArchiveReader r = CustomArchiveReader.open(f)) {
            // a pipe-written archive read from a file works in any order
            assertTrue(CustomFixtureTest.read(r, r.toc().entries().get(1)).startsWith("0\n1\n"));
            assertEquals("3\n\\.\n\n\n", CustomFixtureTest.read(r, r.toc().entries().get(2)));
            assertTrue(CustomFixtureTest.read(r, r.toc().entries().get(1)).endsWith("19999\n\\.\n\n\n"));
        }
    }

    @Test
    void closeWithoutFinishLeavesNoFile() throws IOException {
        Toc t = toc();
        Path f = tmp.resolve("x.dump");
        try (CustomArchiveWriter w = new CustomArchiveWriter(f, new WriterOptions(ArchiveVersion.V1_16,
                Compression.NONE))) {
            w.begin(header(t), t);
            w.openData(t.entries().get(1)).close();
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void rewriteIsByteIdenticalForGzipOfPg15() throws IOException {
        // pg_dump 15's default (-Fc, gzip -1) re-written by us: zlib output and 4096-byte chunking match
        Path src = Fixtures.dir().resolve("pg15_custom_gzip.dump");
        Path ours = tmp.resolve("ours.dump");
        try (CustomArchiveReader r = CustomArchiveReader.open(src);
             CustomArchiveWriter w = new CustomArchiveWriter(ours, new WriterOptions(ArchiveVersion.V1_14,
                     Compression.GZIP_DEFAULT))) {
            Rewrite.copy(r, w);
        }
        byte[] a = Files.readAllBytes(src);
        byte[] b = Files.readAllBytes(ours);
        assertEquals(a.length, b.length);
        // the TOC differs only where pg_dump stored "" and we store NULL (same size); the data blocks are identical
        long dataStart;
        try (CustomArchiveReader r = CustomArchiveReader.open(src)) {
            dataStart = r.toc().entries().stream().filter(TocEntry::hasData).mapToLong(e -> r.offset(e).position())
                    .min().orElseThrow();
        }
        assertArrayEquals(java.util.Arrays.copyOfRange(a, (int) dataStart, a.length),
                java.util.Arrays.copyOfRange(b, (int) dataStart, b.length));
    }

    @Test
    void errorsNameFileAndOffset() throws IOException {
        byte[] good = Files.readAllBytes(Fixtures.dir().resolve("pg17_custom_gzip.dump"));

        byte[] magic = good.clone();
        magic[0] = 'X';
        assertEquals("did not find magic string in file header at offset 0 in \"" + tmp.resolve("m.dump") + "\"",
                fail(magic, "m.dump"));

        byte[] version = good.clone();
        version[6] = 17;
        assertEquals("unsupported version (1.17) in file header at offset 5 in \"" + tmp.resolve("v.dump") + "\"",
                fail(version, "v.dump"));

        String trunc = fail(java.util.Arrays.copyOf(good, 5000), "t.dump");
        assertTrue(trunc.startsWith("unexpected end of file (TOC entry"), trunc);

        // corrupt the first zlib stream (just after its 2-byte header)
        try (CustomArchiveReader r = CustomArchiveReader.open(new ByteArrayInputStream(good), "x")) {
            long pos = r.offset(r.toc().entries().stream().filter(TocEntry::hasData).findFirst().orElseThrow())
                    .position();
            byte[] bad = good.clone();
            for (int i = 0; i < 40; i++) {
                bad[(int) pos + 1 + 5 + 5 + 2 + i] ^= 0x55;
            }
            String msg = fail(bad, "c.dump");
            assertTrue(msg.startsWith("could not decompress data (gzip): "), msg);
            assertTrue(msg.contains("(TOC entry "), msg);
            assertTrue(msg.endsWith("c.dump\""), msg);
        }
    }

    private String fail(byte[] b, String name) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, b);
        return assertThrows(ArchiveFormatException.class,
                () -> CustomArchiveProperties.readEverything(CustomArchiveReader.open(f))).getMessage();
    }
}
