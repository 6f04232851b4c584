package org.pgdump4j.format.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.UsageException;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.archive.WriterOptions;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.format.directory.ArchiveFixtures;
import org.pgdump4j.format.directory.RealPgRestore;
import org.pgdump4j.toc.TocEntry;
import org.pgdump4j.testing.ReferenceClients;

/** Tar archives we write, read by the real pg_restore 18 exactly as the originals; restore.sql as pg_dump's. */
class TarWriterIT {
    @TempDir
    Path tmp;

    Path rewrite(String fixture, String key) throws IOException {
        Path target = tmp.resolve("ours-" + fixture);
        try (TarArchiveReader r = TarArchiveReader.open(ArchiveFixtures.path(fixture));
                TarArchiveWriter w = new TarArchiveWriter(target, new WriterOptions(r.header().version(),
                        Compression.NONE), key)) {
            ArchiveFixtures.copy(r, w);
        }
        return target;
    }

    record Member(String name, long size, int mode, long uid, long gid, String user, String group) {
    }

    static List<Member> members(Path tar) throws IOException {
        List<Member> out = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.add(new Member(e.getName(), e.getName().equals("restore.sql") ? -1 : e.getSize(), e.getMode(),
                        e.getLongUserId(), e.getLongGroupId(), e.getUserName(), e.getGroupName()));
            }
        }
        return out;
    }

    static String memberText(Path tar, String name) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no member " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg15_tar.tar", "pg17_tar.tar", "pg18_tar.tar"})
    void rewrittenFixtureReadsAsOriginalInPgRestore18(String fixture) throws IOException {
        Path original = ArchiveFixtures.path(fixture);
        Path ours = rewrite(fixture, null);
        assertEquals(RealPgRestore.list(18, original), RealPgRestore.list(18, ours));
        assertEquals(RealPgRestore.script(18, original), RealPgRestore.script(18, ours));
        // same members in the same order with pg_dump's header fields; sizes equal except restore.sql
        assertEquals(members(original), members(ours));
        // pg_dump's layout: no padding after the two end-of-archive blocks
        long size = Files.size(ours);
        assertEquals(0, size % 512);
        // pg_restore reads it from standard input too
        ReferenceClients.Result fromStdin = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"),
                List.of("--restrict-key=" + ArchiveFixtures.KEY, "-f", "-"), java.util.Map.of("TZ", "UTC"),
                Files.readAllBytes(ours), ReferenceClients.DEFAULT_TIMEOUT).requireSuccess();
        assertEquals(RealPgRestore.script(18, original), fromStdin.stdoutText());
        if (fixture.startsWith("pg15")) {
            assertEquals(RealPgRestore.list(15, original), RealPgRestore.list(15, ours));
            assertEquals(RealPgRestore.script(15, original), RealPgRestore.script(15, ours));
        }
    }

    /** restore.sql as pg_dump 17.12 writes it (pg_dump 15.18 and 18.6 print "\restrict (null)", CVE-2026-116330). */
    @Test
    void restoreScriptAsPgDump17() throws IOException {
        Path ours = rewrite("pg17_tar.tar", null);
        String expected = memberText(ArchiveFixtures.path("pg17_tar.tar"), "restore.sql");
        String actual = memberText(ours, "restore.sql");
        Matcher m = Pattern.compile("\\\\restrict ([A-Za-z0-9]{63})\n").matcher(actual);
        assertTrue(m.find(), actual);
        String key = m.group(1);
        Matcher m2 = Pattern.compile("\\\\restrict ([A-Za-z0-9]{63})\n").matcher(expected);
        assertTrue(m2.find());
        assertEquals(expected.replace(m2.group(1), key), actual);
        assertFalse(actual.contains("(null)"));
        // every \connect is bracketed by the same key, and the script ends unrestricted
        assertEquals(3, countOf(actual, "\\restrict " + key + "\n"));
        assertEquals(3, countOf(actual, "\\unrestrict " + key + "\n"));
        assertTrue(actual.endsWith("\\unrestrict " + key + "\n\n"));
    }

    @Test
    void restoreScriptWithFixedKeyIsDeterministic() throws IOException {
        String a = memberText(rewrite("pg15_tar.tar", "SOMEKEY"), "restore.sql");
        assertTrue(a.startsWith(RestoreScript.NOTE + "--\n-- PostgreSQL database dump\n--\n\n\\restrict SOMEKEY\n"), a);
        assertTrue(a.contains("\\unrestrict SOMEKEY\n\\connect fixturedb\n\\restrict SOMEKEY\n"));
        assertTrue(a.contains("COPY shop.customer (id, name, email, note, photo) FROM stdin;\n\\.\n"
                + "COPY shop.customer (id, name, email, note, photo) FROM '$$PATH$$/3372.dat';\n\n"));
        assertTrue(a.contains("\\i $$PATH$$/3381.dat\n\n"));
    }

    private static int countOf(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void compressionIsRefused() {
        UsageException e = assertThrows(UsageException.class, () -> new TarArchiveWriter(tmp.resolve("x.tar"),
                new WriterOptions(ArchiveVersion.DEFAULT, Compression.GZIP_DEFAULT)));
        assertEquals("compression is not supported by tar archive format", e.getMessage());
    }

    /** Data written out of TOC order (as parallel workers do) still lands in TOC order. */
    @Test
    void dataMembersFollowTocOrder() throws IOException {
        Path target = tmp.resolve("reordered.tar");
        try (TarArchiveReader r = TarArchiveReader.open(ArchiveFixtures.path("pg17_tar.tar"));
                TarArchiveWriter w = new TarArchiveWriter(target, new WriterOptions(r.header().version(),
                        Compression.NONE))) {
            w.begin(r.header(), r.toc());
            List<TocEntry> data = new ArrayList<>(ArchiveFixtures.dataEntries(r));
            java.util.Collections.reverse(data);
            for (TocEntry e : data) {
                if (e.desc().equals("BLOBS")) {
                    try (var sink = w.openLargeObjects(e)) {
                        r.readBlobs(e, (oid, in) -> {
                            try (OutputStream out = sink.openBlob(oid)) {
                                in.transferTo(out);
                            }
                        });
                    }
                } else {
                    try (InputStream in = r.openData(e); OutputStream out = w.openData(e)) {
                        in.transferTo(out);
                    }
                }
            }
            w.finish();
        }
        assertEquals(members(ArchiveFixtures.path("pg17_tar.tar")), members(target));
    }

    @Test
    void abandonedArchiveLeavesNothing() throws IOException {
        Path target = tmp.resolve("abandoned.tar");
        try (TarArchiveReader r = TarArchiveReader.open(ArchiveFixtures.path("pg17_tar.tar"));
                TarArchiveWriter w = new TarArchiveWriter(target, new WriterOptions(r.header().version(),
                        Compression.NONE))) {
            w.begin(r.header(), r.toc());
            try (OutputStream out = w.openData(ArchiveFixtures.dataEntries(r).get(1))) {
                out.write("x".getBytes(StandardCharsets.UTF_8));
            }
            assertThrows(IllegalStateException.class, w::finish);
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
