package org.pgdump4j.format.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.UsageException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.WriterOptions;
import org.pgdump4j.compress.Compression;

/** Directory archives we write, read by the real pg_restore 18 (and 15 for 1.14) exactly as the originals. */
class DirectoryWriterIT {
    @TempDir
    Path tmp;

    private Path rewrite(String fixture, Compression compression) throws IOException {
        Path target = tmp.resolve(fixture + "-" + compression.method().word());
        try (DirectoryArchiveReader r = DirectoryArchiveReader.open(ArchiveFixtures.path(fixture));
                DirectoryArchiveWriter w = new DirectoryFormat().newWriter(target,
                        new WriterOptions(r.header().version(), compression))) {
            ArchiveFixtures.copy(r, w);
        }
        return target;
    }

    private static Compression of(String fixture) {
        return fixture.endsWith("gzip") ? Compression.GZIP_DEFAULT
                : fixture.endsWith("lz4") ? new Compression(Compression.Method.LZ4, Compression.DEFAULT_LEVEL)
                : fixture.endsWith("zstd") ? new Compression(Compression.Method.ZSTD, Compression.DEFAULT_LEVEL)
                : Compression.NONE;
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg15_dir_none", "pg15_dir_gzip", "pg17_dir_none", "pg17_dir_gzip", "pg17_dir_lz4",
        "pg17_dir_zstd", "pg18_dir_gzip"})
    void rewrittenFixtureReadsAsOriginalInPgRestore18(String fixture) throws IOException {
        Path original = ArchiveFixtures.path(fixture);
        Path ours = rewrite(fixture, of(fixture));
        assertEquals(RealPgRestore.list(18, original), RealPgRestore.list(18, ours));
        assertEquals(RealPgRestore.script(18, original), RealPgRestore.script(18, ours));
        // byte for byte except that the shared TOC codec writes an empty drop statement as NULL (pg_restore treats
        // both alike); the decoded header, TOC and file names are equal
        try (DirectoryArchiveReader a = DirectoryArchiveReader.open(original);
                DirectoryArchiveReader b = DirectoryArchiveReader.open(ours)) {
            assertEquals(a.header(), b.header());
            assertEquals(a.toc(), b.toc());
            for (var e : a.toc().entries()) {
                assertEquals(a.fileName(e), b.fileName(e));
            }
        }
        try (Stream<Path> files = Files.list(ours)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            try (Stream<Path> orig = Files.list(original)) {
                assertEquals(orig.map(p -> p.getFileName().toString()).sorted().toList(), names);
            }
        }
        if (fixture.startsWith("pg15")) {
            assertEquals(RealPgRestore.list(15, original), RealPgRestore.list(15, ours));
            assertEquals(RealPgRestore.script(15, original), RealPgRestore.script(15, ours));
        }
        try (DirectoryArchiveReader back = DirectoryArchiveReader.open(ours)) {
            assertEquals(ArchiveFixtures.expectedSql(fixture), ArchiveFixtures.script(back));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip", "gzip:9", "lz4", "lz4:3", "zstd", "zstd:level=19,long"})
    void everyCompressionReadsInPgRestore18(String spec) throws IOException {
        Compression c = Compression.parse(spec);
        Path ours = rewrite("pg17_dir_none", c);
        assertEquals(ArchiveFixtures.expectedSql("pg17_dir_none"), RealPgRestore.script(18, ours));
        String list = RealPgRestore.list(18, ours);
        assertTrue(list.contains(";     Compression: " + c.method().word() + "\n"), list);
        try (Stream<Path> files = Files.list(ours)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("3372.dat" + c.method().suffix())));
        }
    }

    @Test
    void targetRulesAsPgDump() throws IOException {
        WriterOptions o = new WriterOptions(org.pgdump4j.archive.ArchiveVersion.DEFAULT, Compression.NONE);
        Path full = Files.createDirectory(tmp.resolve("full"));
        Files.writeString(full.resolve("x"), "x");
        assertEquals("directory \"" + full + "\" is not empty",
                assertThrows(UsageException.class, () -> new DirectoryArchiveWriter(full, o)).getMessage());
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertEquals("could not open directory \"" + file + "\": Not a directory",
                assertThrows(UsageException.class, () -> new DirectoryArchiveWriter(file, o)).getMessage());
        Path deep = tmp.resolve("no/such");
        assertEquals("could not create directory \"" + deep + "\": No such file or directory",
                assertThrows(PgDumpException.class, () -> new DirectoryArchiveWriter(deep, o)).getMessage());
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        try (DirectoryArchiveReader r = DirectoryArchiveReader.open(ArchiveFixtures.path("pg17_dir_none"));
                DirectoryArchiveWriter w = new DirectoryArchiveWriter(empty, o)) {
            ArchiveFixtures.copy(r, w);
        }
        assertTrue(Files.isRegularFile(empty.resolve("toc.dat")));
    }

    @Test
    void abandonedArchiveLeavesNothing() throws IOException {
        Path target = tmp.resolve("abandoned");
        try (DirectoryArchiveReader r = DirectoryArchiveReader.open(ArchiveFixtures.path("pg17_dir_none"));
                DirectoryArchiveWriter w = new DirectoryFormat().newWriter(target,
                        new WriterOptions(r.header().version(), Compression.GZIP_DEFAULT))) {
            w.begin(r.header(), r.toc());
            try (OutputStream out = w.openData(ArchiveFixtures.dataEntries(r).get(0))) {
                out.write("1\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThrows(IllegalStateException.class, w::finish, "data missing for other entries");
            assertFalse(Files.exists(target));
        }
        assertFalse(Files.exists(target));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "no temporary folder left");
        }
    }

    @Test
    void headerFormatByteIsAlwaysThree() throws IOException {
        Path ours = rewrite("pg17_dir_none", Compression.NONE);
        byte[] toc = Files.readAllBytes(ours.resolve("toc.dat"));
        assertEquals(3, toc[10]);
        try (DirectoryArchiveReader r = DirectoryArchiveReader.open(ours)) {
            ArchiveHeader h = r.header();
            assertEquals(3, h.formatCode());
        }
    }
}
