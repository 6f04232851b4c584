package org.pgdump4j.format.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.format.directory.ArchiveFixtures;
import org.pgdump4j.toc.TocEntry;

/** Every real tar archive (pg_dump 15, 17, 18), through the seekable and the streaming reader. */
class TarFixturesTest {
    static TarArchiveReader open(String name, boolean streaming) throws IOException {
        if (streaming) {
            return TarArchiveReader.open(Files.newInputStream(ArchiveFixtures.path(name)), name);
        }
        return new TarFormat().newReader(ArchiveFixtures.path(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg15_tar.tar", "pg17_tar.tar", "pg18_tar.tar"})
    void headerTocAndData(String name) throws IOException {
        for (boolean streaming : new boolean[] {false, true}) {
            try (TarArchiveReader r = open(name, streaming)) {
                assertEquals(!streaming, r.isRandomAccess());
                assertEquals(3, r.header().formatCode());
                assertEquals(name.startsWith("pg15") ? ArchiveVersion.V1_14 : ArchiveVersion.V1_16,
                        r.header().version());
                assertEquals(Compression.Method.NONE, r.header().compression().method());
                assertTrue(ArchiveFixtures.expectedList(name)
                        .contains(";     TOC Entries: " + r.toc().entries().size() + "\n"));
                String sql = ArchiveFixtures.expectedSql(name);
                Map<Long, byte[]> los = new LinkedHashMap<>();
                for (TocEntry e : ArchiveFixtures.dataEntries(r)) {
                    assertEquals(e.dumpId() + ".dat", r.fileName(e));
                    assertEquals(Optional.of("-- File: " + e.dumpId() + ".dat"), r.verboseTocLine(e));
                    if (e.desc().equals("BLOBS")) {
                        los.putAll(ArchiveFixtures.blobs(r, e));
                    } else {
                        String data = new String(ArchiveFixtures.readAll(r.openData(e)), StandardCharsets.UTF_8);
                        assertEquals(ArchiveFixtures.copyData(sql, e.copyStatement()), data);
                    }
                }
                Map<Long, byte[]> expected = ArchiveFixtures.largeObjects(sql);
                assertEquals(expected.keySet(), los.keySet());
                expected.forEach((oid, b) -> assertArrayEquals(b, los.get(oid), "large object " + oid));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg15_tar.tar", "pg17_tar.tar", "pg18_tar.tar"})
    void listingAndScriptAsPgRestore18(String name) throws IOException {
        for (boolean streaming : new boolean[] {false, true}) {
            try (TarArchiveReader r = open(name, streaming)) {
                assertEquals(ArchiveFixtures.expectedList(name), ArchiveFixtures.list(r, "TAR"));
                assertEquals(ArchiveFixtures.expectedSql(name), ArchiveFixtures.script(r), "streaming " + streaming);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg15_tar.tar", "pg17_tar.tar", "pg18_tar.tar"})
    void detected(String name) throws IOException {
        assertTrue(new TarFormat().canRead(ArchiveFixtures.path(name)));
        assertFalse(new TarFormat().canRead(ArchiveFixtures.path("pg17_custom_none.dump")));
        assertFalse(new TarFormat().canRead(ArchiveFixtures.path("pg17_plain.sql")));
        byte[] head;
        try (InputStream in = Files.newInputStream(ArchiveFixtures.path(name))) {
            head = in.readNBytes(512);
        }
        assertTrue(TarFormat.matches(head, head.length));
    }
}
