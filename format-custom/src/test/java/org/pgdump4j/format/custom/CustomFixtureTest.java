package org.pgdump4j.format.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.archive.ArchiveFormats;
import org.pgdump4j.toc.TocEntry;

/** Reads every real custom archive in shared/fixtures and compares with pg_restore's listing and script. */
class CustomFixtureTest {
    static Stream<Path> archives() throws IOException {
        List<Path> l = Fixtures.customArchives();
        if (l.isEmpty()) {
            throw new AssertionError("no custom archives (*.dump) in " + Fixtures.dir());
        }
        return l.stream();
    }

    @ParameterizedTest
    @MethodSource("archives")
    void headerAndTocMatchTheListing(Path dump) throws IOException {
        Path list = dump.resolveSibling(dump.getFileName() + ".list");
        Map<String, String> head = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            if (l.startsWith(";     ")) {
                int c = l.indexOf(": ");
                head.put(l.substring(6, c).trim(), l.substring(c + 2));
            } else if (!l.startsWith(";") && !l.isBlank()) {
                lines.add(l);
            }
        }
        try (CustomArchiveReader r = CustomArchiveReader.open(dump)) {
            ArchiveHeader h = r.header();
            assertEquals(head.get("dbname"), h.info().dbname());
            assertEquals(Integer.parseInt(head.get("TOC Entries")), r.toc().entries().size());
            assertEquals(head.get("Dump Version"), h.version().toString());
            assertEquals("4 bytes", head.get("Integer"));
            assertEquals(h.intSize() + " bytes", head.get("Integer"));
            assertEquals(h.offSize() + " bytes", head.get("Offset"));
            // pg_restore 15 listed the gzip level (0: none), later ones the algorithm
            String comp = head.get("Compression");
            String listed = !comp.matches("-?\\d+") ? comp : comp.equals("0") ? "none" : "gzip";
            assertEquals(listed, h.compression().method().word());
            assertEquals(head.get("Dumped from database version"), h.info().serverVersion());
            assertEquals(head.get("Dumped by pg_dump version"), h.info().dumpVersion());
            Map<Integer, TocEntry> byId = new LinkedHashMap<>();
            r.toc().entries().forEach(e -> byId.put(e.dumpId(), e));
            for (String l : lines) {
                int id = Integer.parseInt(l.substring(0, l.indexOf(';')));
                TocEntry e = byId.get(id);
                String prefix = id + "; " + e.catalogId().tableOid() + " " + e.catalogId().oid() + " " + e.desc() + " "
                        + (e.namespace() == null ? "-" : e.namespace().replace('\n', ' ')) + " "
                        + e.tag().replace('\n', ' ') + " ";
                assertTrue(l.startsWith(prefix), () -> "listing line " + l + " vs " + prefix);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("archives")
    void dataEqualsTheRendering(Path dump) throws IOException {
        String sql = Files.readString(dump.resolveSibling(dump.getFileName() + ".sql"), StandardCharsets.UTF_8);
        byte[] bytes = Files.readAllBytes(dump);
        for (boolean seekable : new boolean[] {true, false}) {
            try (CustomArchiveReader r = seekable ? CustomArchiveReader.open(dump)
                    : CustomArchiveReader.open(new ByteArrayInputStream(bytes), "stdin")) {
                assertEquals(seekable, r.isRandomAccess());
                int tables = 0;
                int los = 0;
                for (TocEntry e : r.toc().entries()) {
                    if (e.desc().equals("TABLE DATA")) {
                        String data = read(r, e);
                        String expected = e.copyStatement() == null ? data : e.copyStatement() + data;
                        assertTrue(sql.contains(expected), () -> dump + ": data of " + e.tag());
                        assertTrue(data.endsWith("\n\n"));
                        tables++;
                    } else if (e.desc().equals("BLOBS")) {
                        List<Long> oids = new ArrayList<>();
                        r.readLargeObjects(e, (oid, in) -> {
                            in.readAllBytes();
                            oids.add(oid);
                        });
                        assertFalse(oids.isEmpty());
                        for (long oid : oids) {
                            assertTrue(sql.contains("lo_open('" + oid + "'"), () -> "LO " + oid);
                        }
                        los += oids.size();
                    }
                }
                assertEquals(3, tables);
                assertEquals(4, los);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("archives")
    void formatIsDetected(Path dump) throws IOException {
        assertEquals(ArchiveFormats.CUSTOM, ArchiveFormats.detectName(dump));
        assertTrue(new CustomFormat().canRead(dump));
        assertEquals("custom", ArchiveFormats.detect(dump).name());
    }

    static String read(ArchiveReader r, TocEntry e) throws IOException {
        try (InputStream in = r.openData(e)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        }
    }
}
