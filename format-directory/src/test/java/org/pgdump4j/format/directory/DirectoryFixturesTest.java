package org.pgdump4j.format.directory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.toc.TocEntry;

/** Every real directory archive (pg_dump 15, 17, 18; none, gzip, lz4, zstd) read against its listing and script. */
class DirectoryFixturesTest {
    static final String[] ARCHIVES = {"pg15_dir_none", "pg15_dir_gzip", "pg17_dir_none", "pg17_dir_gzip",
        "pg17_dir_lz4", "pg17_dir_zstd", "pg18_dir_gzip"};

    @ParameterizedTest
    @ValueSource(strings = {"pg15_dir_none", "pg15_dir_gzip", "pg17_dir_none", "pg17_dir_gzip", "pg17_dir_lz4",
        "pg17_dir_zstd", "pg18_dir_gzip"})
    void headerTocAndData(String name) throws IOException {
        try (DirectoryArchiveReader r = DirectoryArchiveReader.open(ArchiveFixtures.path(name))) {
            assertEquals(TocDat.FORMAT_CODE, r.header().formatCode());
            assertEquals(name.startsWith("pg15") ? ArchiveVersion.V1_14 : ArchiveVersion.V1_16, r.header().version());
            Compression.Method expected = name.endsWith("gzip") ? Compression.Method.GZIP
                    : name.endsWith("lz4") ? Compression.Method.LZ4
                    : name.endsWith("zstd") ? Compression.Method.ZSTD : Compression.Method.NONE;
            assertEquals(expected, r.header().compression().method());
            assertEquals("fixturedb", r.header().info().dbname());
            String list = ArchiveFixtures.expectedList(name);
            assertTrue(list.contains(";     TOC Entries: " + r.toc().entries().size() + "\n"));
            String sql = ArchiveFixtures.expectedSql(name);
            Map<Long, byte[]> los = new LinkedHashMap<>();
            for (TocEntry e : ArchiveFixtures.dataEntries(r)) {
                if (e.desc().equals("BLOBS")) {
                    assertEquals(name.startsWith("pg15") ? "blobs.toc" : "blobs_" + e.dumpId() + ".toc", r.fileName(e));
                    los.putAll(ArchiveFixtures.blobs(r, e));
                } else {
                    assertEquals(e.dumpId() + ".dat", r.fileName(e));
                    String data = new String(ArchiveFixtures.readAll(r.openData(e)), StandardCharsets.UTF_8);
                    assertEquals(ArchiveFixtures.copyData(sql, e.copyStatement()), data, "data of " + e.dumpId());
                }
            }
            Map<Long, byte[]> expectedLos = ArchiveFixtures.largeObjects(sql);
            assertEquals(expectedLos.keySet(), los.keySet());
            expectedLos.forEach((oid, bytes) -> assertArrayEquals(bytes, los.get(oid), "large object " + oid));
            assertEquals(4, los.size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg15_dir_none", "pg15_dir_gzip", "pg17_dir_none", "pg17_dir_gzip", "pg17_dir_lz4",
        "pg17_dir_zstd", "pg18_dir_gzip"})
    void listingAndScriptAsPgRestore18(String name) throws IOException {
        try (DirectoryArchiveReader r = new DirectoryFormat().newReader(ArchiveFixtures.path(name))) {
            assertEquals(ArchiveFixtures.expectedList(name), ArchiveFixtures.list(r, "DIRECTORY"));
            assertEquals(ArchiveFixtures.expectedSql(name), ArchiveFixtures.script(r));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg15_dir_none", "pg17_dir_zstd"})
    void detected(String name) throws IOException {
        assertTrue(new DirectoryFormat().canRead(ArchiveFixtures.path(name)));
        assertTrue(!new DirectoryFormat().canRead(ArchiveFixtures.path("pg17_tar.tar")));
    }
}
