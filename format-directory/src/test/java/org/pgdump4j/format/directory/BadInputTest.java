package org.pgdump4j.format.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.toc.TocEntry;

/** Corrupt directory archives end in a one-line {@link ArchiveFormatException} naming the file. */
class BadInputTest {
    @TempDir
    Path tmp;

    static String oneLine(Executable e) {
        String m = assertThrows(ArchiveFormatException.class, e).getMessage();
        assertFalse(m.contains("\n"), m);
        return m;
    }

    Path copyOf(String fixture) throws IOException {
        Path dst = Files.createDirectory(tmp.resolve(fixture));
        try (Stream<Path> files = Files.list(ArchiveFixtures.path(fixture))) {
            for (Path f : files.toList()) {
                Files.copy(f, dst.resolve(f.getFileName().toString()));
            }
        }
        return dst;
    }

    static TocEntry entry(DirectoryArchiveReader r, int dumpId) {
        return r.toc().entries().stream().filter(e -> e.dumpId() == dumpId).findFirst().orElseThrow();
    }

    @Test
    void missingDataFile() throws IOException {
        Path dir = copyOf("pg17_dir_gzip");
        Files.delete(dir.resolve("3372.dat.gz"));
        try (DirectoryArchiveReader r = DirectoryArchiveReader.open(dir)) {
            String m = oneLine(() -> r.openData(entry(r, 3372)));
            assertEquals("could not open input file \"" + dir.resolve("3372.dat")
                    + "\": No such file or directory (TOC entry 3372 \"shop.customer\")", m);
        }
    }

    @Test
    void missingLargeObjectFile() throws IOException {
        Path dir = copyOf("pg17_dir_none");
        Files.delete(dir.resolve("blob_424244.dat"));
        try (DirectoryArchiveReader r = DirectoryArchiveReader.open(dir)) {
            String m = oneLine(() -> r.readBlobs(entry(r, 3378), (oid, in) -> in.readAllBytes()));
            assertTrue(m.contains("blob_424244.dat"), m);
        }
    }

    @Test
    void missingToc() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        assertEquals("could not open input file \"" + dir.resolve("toc.dat") + "\": No such file or directory",
                oneLine(() -> DirectoryArchiveReader.open(dir)));
    }

    @Test
    void wrongMagic() throws IOException {
        Path dir = copyOf("pg17_dir_none");
        byte[] toc = Files.readAllBytes(dir.resolve("toc.dat"));
        toc[0] = 'X';
        Files.write(dir.resolve("toc.dat"), toc);
        String m = oneLine(() -> DirectoryArchiveReader.open(dir));
        assertTrue(m.contains("did not find magic string in file header") && m.contains("toc.dat"), m);
    }

    @Test
    void truncatedToc() throws IOException {
        Path dir = copyOf("pg17_dir_none");
        byte[] toc = Files.readAllBytes(dir.resolve("toc.dat"));
        Files.write(dir.resolve("toc.dat"), java.util.Arrays.copyOf(toc, 5000));
        String m = oneLine(() -> DirectoryArchiveReader.open(dir));
        assertTrue(m.contains("unexpected end of file") && m.contains("toc.dat"), m);
    }

    @Test
    void corruptCompressedData() throws IOException {
        Path dir = copyOf("pg17_dir_gzip");
        byte[] gz = Files.readAllBytes(dir.resolve("3372.dat.gz"));
        // corrupt, not truncated: a truncated gzip file gives what it holds, as pg_restore's gzread (DamagedArchiveIT)
        java.util.Arrays.fill(gz, 12, 40, (byte) 0x5a);
        Files.write(dir.resolve("3372.dat.gz"), gz);
        try (DirectoryArchiveReader r = DirectoryArchiveReader.open(dir)) {
            String m = oneLine(() -> r.openData(entry(r, 3372)).readAllBytes());
            assertTrue(m.startsWith("could not read data of TOC entry 3372 \"shop.customer\" from \""
                    + dir.resolve("3372.dat.gz") + "\" at offset "), m);
        }
    }

    /** CVE-2026-116314: a file name from toc.dat never leaves the archive folder. */
    @Test
    void pathTraversalInTocFileName() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("evil"));
        Files.writeString(tmp.resolve("x.dat"), "secret");
        try (DirectoryArchiveReader r = DirectoryArchiveReader.open(ArchiveFixtures.path("pg17_dir_none"));
                OutputStream out = Files.newOutputStream(dir.resolve("toc.dat"))) {
            TocDat.write(out, r.header(), r.toc(), e -> e.dumpId() == 3372 ? "../x.dat" : r.fileName(e));
        }
        String m = oneLine(() -> DirectoryArchiveReader.open(dir));
        assertTrue(m.startsWith("invalid file name \"../x.dat\" in TOC entry 3372 \"shop.customer\""), m);
        for (String bad : new String[] {"/etc/passwd", "..", ".", "a/b.dat", "a\\b", "", "x\0.dat", "%2e%2e"}) {
            assertFalse(FileNames.isSafe(bad), bad);
        }
    }

    @Test
    void pathTraversalInBlobsToc() throws IOException {
        Path dir = copyOf("pg17_dir_none");
        Files.writeString(dir.resolve("blobs_3378.toc"), "424242 ../../etc/passwd\n");
        try (DirectoryArchiveReader r = DirectoryArchiveReader.open(dir)) {
            String m = oneLine(() -> r.readBlobs(entry(r, 3378), (oid, in) -> in.readAllBytes()));
            assertTrue(m.startsWith("invalid file name \"../../etc/passwd\" in line 1 of large object TOC file"), m);
        }
        Files.writeString(dir.resolve("blobs_3378.toc"), "abc blob_1.dat\n");
        try (DirectoryArchiveReader r = DirectoryArchiveReader.open(dir)) {
            String m = oneLine(() -> r.readBlobs(entry(r, 3378), (oid, in) -> in.readAllBytes()));
            assertTrue(m.startsWith("invalid line 1 in large object TOC file"), m);
        }
    }

    @Test
    void blobsTocLines() throws IOException {
        java.util.List<BlobsToc.Line> lines = new java.util.ArrayList<>();
        BlobsToc.read(new java.io.ByteArrayInputStream("424242 blob_424242.dat\n7\tblob_7.dat.gz\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "t", lines::add);
        assertEquals(java.util.List.of(new BlobsToc.Line(424242, "blob_424242.dat"), new BlobsToc.Line(7,
                "blob_7.dat.gz")), lines);
        assertEquals("424242 blob_424242.dat\n", new String(BlobsToc.line(424242),
                java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("4294967295 blob_4294967295.dat\n", new String(BlobsToc.line(0xFFFF_FFFFL),
                java.nio.charset.StandardCharsets.US_ASCII));
    }
}
