package org.pgdump4j.format.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.format.directory.ArchiveFixtures;
import org.pgdump4j.format.directory.TocDat;
import org.pgdump4j.toc.TocEntry;

/** Corrupt tar archives end in a one-line {@link ArchiveFormatException}. */
class TarBadInputTest {
    @TempDir
    Path tmp;

    static String oneLine(Executable e) {
        String m = assertThrows(ArchiveFormatException.class, e).getMessage();
        assertFalse(m.contains("\n"), m);
        return m;
    }

    static void readEverything(TarArchiveReader r) throws IOException {
        for (TocEntry e : ArchiveFixtures.dataEntries(r)) {
            if (e.desc().equals("BLOBS")) {
                r.readBlobs(e, (oid, in) -> in.readAllBytes());
            } else {
                try (InputStream in = r.openData(e)) {
                    in.readAllBytes();
                }
            }
        }
    }

    /** Cut inside toc.dat, inside a data member, inside a member header, before the end blocks. */
    @ParameterizedTest
    @ValueSource(ints = {700, 11000, 11300, 12100, 30720, 31743})
    void truncated(int length) throws IOException {
        byte[] all = Files.readAllBytes(ArchiveFixtures.path("pg17_tar.tar"));
        Path cut = Files.write(tmp.resolve("cut.tar"), Arrays.copyOf(all, length));
        String m = oneLine(() -> {
            try (TarArchiveReader r = TarArchiveReader.open(cut)) {
                readEverything(r);
            }
        });
        assertTrue(m.contains(cut.toString()), m);
        if (length < 20000) {
            // a stream notices what it reads: cuts in toc.dat or data (not in restore.sql, which nobody reads)
            String s = oneLine(() -> {
                try (TarArchiveReader r = TarArchiveReader.open(new ByteArrayInputStream(Arrays.copyOf(all, length)),
                        "-")) {
                    readEverything(r);
                }
            });
            assertTrue(s.contains("\"-"), s);
        }
    }

    @Test
    void notATar() throws IOException {
        Path f = ArchiveFixtures.path("pg17_custom_none.dump");
        assertEquals("input file \"" + f + "\" does not appear to be a valid tar archive",
                oneLine(() -> TarArchiveReader.open(f)));
        Path small = Files.writeString(tmp.resolve("small"), "hello");
        assertTrue(oneLine(() -> TarArchiveReader.open(small)).endsWith("(too short)"));
    }

    @Test
    void wrongMagicInToc() throws IOException {
        Path tar = tarWith("toc.dat", bytes -> bytes[0] = 'X');
        String m = oneLine(() -> TarArchiveReader.open(tar));
        assertTrue(m.contains("did not find magic string in file header") && m.contains("toc.dat"), m);
    }

    @Test
    void firstMemberMustBeToc() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = TarMembers.output(bytes)) {
            out.putArchiveEntry(TarMembers.entry("3372.dat", 1, 0));
            out.write('x');
            out.closeArchiveEntry();
        }
        Path tar = Files.write(tmp.resolve("first.tar"), bytes.toByteArray());
        assertEquals("first member of tar archive \"" + tar + "\" is \"3372.dat\", expected \"toc.dat\"",
                oneLine(() -> TarArchiveReader.open(tar)));
    }

    /** CVE-2026-116314: a file name with a path in toc.dat is refused. */
    @Test
    void pathTraversalInToc() throws IOException {
        ByteArrayOutputStream toc = new ByteArrayOutputStream();
        try (TarArchiveReader r = TarArchiveReader.open(ArchiveFixtures.path("pg17_tar.tar"))) {
            TocDat.write(toc, r.header(), r.toc(), e -> e.dumpId() == 3372 ? "../x.dat" : r.fileName(e));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = TarMembers.output(bytes)) {
            out.putArchiveEntry(TarMembers.entry("toc.dat", toc.size(), 0));
            out.write(toc.toByteArray());
            out.closeArchiveEntry();
        }
        Path tar = Files.write(tmp.resolve("evil.tar"), bytes.toByteArray());
        String m = oneLine(() -> TarArchiveReader.open(tar));
        assertTrue(m.startsWith("invalid file name \"../x.dat\" in TOC entry 3372"), m);
    }

    @Test
    void missingMember() throws IOException {
        Path tar = tarWithout("3372.dat");
        try (TarArchiveReader r = TarArchiveReader.open(tar)) {
            TocEntry e = r.toc().entries().stream().filter(x -> x.dumpId() == 3372).findFirst().orElseThrow();
            assertEquals("could not find header for file \"3372.dat\" in tar archive \"" + tar
                    + "\" (data of TOC entry 3372 \"shop.customer\")", oneLine(() -> r.openData(e)));
        }
    }

    /** Reading a stream out of order fails as pg_restore does. */
    @Test
    void streamOutOfOrder() throws IOException {
        try (TarArchiveReader r = TarArchiveReader.open(Files.newInputStream(ArchiveFixtures.path("pg17_tar.tar")),
                "-")) {
            TocEntry orders = r.toc().entries().stream().filter(x -> x.dumpId() == 3374).findFirst().orElseThrow();
            TocEntry customer = r.toc().entries().stream().filter(x -> x.dumpId() == 3372).findFirst().orElseThrow();
            r.openData(orders).readAllBytes();
            String m = oneLine(() -> r.openData(customer));
            assertTrue(m.startsWith("restoring data out of order is not supported in this archive format: "
                    + "\"3372.dat\" is required, but comes before \"3374.dat\""), m);
        }
    }

    interface Mutator {
        void mutate(byte[] content);
    }

    /** pg17_tar.tar rebuilt with one member's content changed. */
    private Path tarWith(String member, Mutator mutator) throws IOException {
        return rebuild(member, mutator, false);
    }

    private Path tarWithout(String member) throws IOException {
        return rebuild(member, b -> { }, true);
    }

    private Path rebuild(String member, Mutator mutator, boolean drop) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                Files.newInputStream(ArchiveFixtures.path("pg17_tar.tar")));
                TarArchiveOutputStream out = TarMembers.output(bytes)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(member)) {
                    if (drop) {
                        continue;
                    }
                    mutator.mutate(content);
                }
                out.putArchiveEntry(TarMembers.entry(e.getName(), content.length, 0));
                out.write(content);
                out.closeArchiveEntry();
            }
        }
        return Files.write(tmp.resolve("rebuilt.tar"), bytes.toByteArray());
    }
}
