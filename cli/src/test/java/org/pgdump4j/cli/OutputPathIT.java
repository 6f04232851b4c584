package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * What {@code -f} names, as its own process: a device, FIFO or symbolic link is written through and never replaced
 * by a regular file; a full device fails with exit 1; a path that cannot be written fails before the server is
 * asked for anything, in pg_dump 18's words (compared with the real pg_dump 18), naming no temporary file.
 *
 * <p>Devices are twins made with mknod in the test's folder (so a run of old code cannot replace the machine's
 * {@code /dev/null}); one test then checks the real {@code /dev/null} and {@code /dev/full}. Needs root for mknod.
 */
@ExtendWith(PgExtension.class)
class OutputPathIT {
    @TempDir
    Path dir;

    private TestDb db;

    @BeforeEach
    void database(TestDb testDb) throws SQLException {
        db = testDb;
        db.execute("create table t (id int primary key, v text);"
                + " insert into t select g, 'row ' || g from generate_series(1, 200) g");
    }

    private ReferenceClients.Result dump(String... args) {
        List<String> all = new ArrayList<>(List.of("dump"));
        all.addAll(List.of(args));
        all.add(db.name());
        return CliChild.run(db.libpqEnvironment(), all.toArray(String[]::new));
    }

    private ReferenceClients.Result pgDump18(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(db.name());
        return ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), all, db.libpqEnvironment());
    }

    private static void root() {
        CliChild.requireRoot("writing to the real /dev");
    }

    private static Path device(Path p, int major, int minor) {
        return CliChild.characterDevice(p, major, minor);
    }

    private static void assertCharacterDevice(Path p) {
        CliChild.assertCharacterDevice(p);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** stderr without libpq's note that PGPASSFILE is /dev/null (ReferenceClients sets it). */
    private static String stderr(ReferenceClients.Result r) {
        return r.stderr().lines().filter(l -> !l.startsWith("WARNING: password file \"/dev/null\""))
                .map(l -> l + "\n").reduce("", String::concat);
    }

    private static void failsWith(String line, ReferenceClients.Result r) {
        assertEquals(1, r.exitCode(), r.stderr());
        assertEquals(line + "\n", stderr(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"p", "c", "t"})
    void aNullDeviceIsWrittenThrough(String format) throws IOException {
        Path dev = device(dir.resolve("null"), 1, 3);
        var r = dump("-F" + format, "-f", dev.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertCharacterDevice(dev);
        assertEquals(List.of("null"), names());
    }

    @ParameterizedTest
    @ValueSource(strings = {"p", "c", "t"})
    void aFullDeviceFailsWithNoSpaceLeft(String format) throws IOException {
        Path dev = device(dir.resolve("full"), 1, 7);
        failsWith("pg_dump: error: could not write to output file: No space left on device",
                dump("-F" + format, "-f", dev.toString()));
        assertCharacterDevice(dev);
        assertEquals(List.of("full"), names());
    }

    @Test
    void restoreWritesThroughDevices() throws IOException {
        Path archive = dir.resolve("db.dump");
        assertEquals(0, dump("-Fc", "-f", archive.toString()).exitCode());
        Path nul = device(dir.resolve("null"), 1, 3);
        Path full = device(dir.resolve("full"), 1, 7);
        var ok = CliChild.run(db.libpqEnvironment(), "restore", "-f", nul.toString(), archive.toString());
        assertEquals(0, ok.exitCode(), ok.stderr());
        failsWith("pg_restore: error: could not write to output file: No space left on device",
                CliChild.run(db.libpqEnvironment(), "restore", "-f", full.toString(), archive.toString()));
        assertCharacterDevice(nul);
        assertCharacterDevice(full);
        assertEquals(List.of("db.dump", "full", "null"), names());
    }

    /** The machine's own devices (the twins above proved the old code replaced them; this proves these stay). */
    @Test
    void theRealDevNullAndDevFullStayDevices() {
        root();
        for (String format : List.of("p", "c", "t")) {
            var r = dump("-F" + format, "-f", "/dev/null");
            assertEquals(0, r.exitCode(), r.stderr());
            failsWith("pg_dump: error: could not write to output file: No space left on device",
                    dump("-F" + format, "-f", "/dev/full"));
        }
        assertCharacterDevice(Path.of("/dev/null"));
        assertCharacterDevice(Path.of("/dev/full"));
    }

    /** Every writer of a file: dump -Fp, -Fc, -Ft and restore -f. */
    @Test
    void aFifosReaderGetsTheOutput() throws Exception {
        Path archive = dir.resolve("db.dump");
        assertEquals(0, dump("-Fc", "-f", archive.toString()).exitCode());
        for (String format : List.of("p", "c", "t", "restore")) {
            readThroughFifo(format, archive);
        }
    }

    private void readThroughFifo(String format, Path archive) throws Exception {
        Path reference = dir.resolve("reference");
        Path fifo = dir.resolve("fifo");
        Files.deleteIfExists(fifo);
        CliChild.exec(CliChild.tool("mkfifo").toString(), fifo.toString());
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ReferenceClients.Result r;
        if (format.equals("restore")) {
            r = CliChild.run(db.libpqEnvironment(), "restore", "--restrict-key=K", "-f", fifo.toString(),
                    archive.toString());
        } else {
            r = format.equals("p") ? dump("-Fp", "-f", fifo.toString(), "--restrict-key=K")
                    : dump("-F" + format, "-f", fifo.toString());
        }
        assertEquals(0, r.exitCode(), r.stderr());
        byte[] got = read.get(30, TimeUnit.SECONDS);
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS).isOther(), "the FIFO was replaced");
        if (format.equals("restore")) {
            assertEquals(0, CliChild.run(db.libpqEnvironment(), "restore", "--restrict-key=K", "-f",
                    reference.toString(), archive.toString()).exitCode());
            assertArrayEquals(Files.readAllBytes(reference), got);
        } else if (format.equals("p")) {
            assertEquals(0, dump("-Fp", "-f", reference.toString(), "--restrict-key=K").exitCode());
            assertArrayEquals(Files.readAllBytes(reference), got);
        } else {
            assertTrue(got.length > 1000, "the reader got " + got.length + " bytes");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"p", "c", "t"})
    void aSymbolicLinkIsFollowed(String format) throws IOException {
        Path real = Files.writeString(dir.resolve("real"), "old contents");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real.getFileName());
        Files.createDirectory(dir.resolve("sub"));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), Path.of("sub", "new"));
        for (Path p : List.of(link, dangling)) {
            var r = dump("-F" + format, "-f", p.toString());
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(Files.isSymbolicLink(p), p + " was replaced");
        }
        assertTrue(Files.size(real) > 1000, "the link's file got the dump");
        assertTrue(Files.size(dir.resolve("sub").resolve("new")) > 1000, "the dangling link's file was created");
        assertEquals(List.of("dangling", "link", "real", "sub"), names());
    }

    /**
     * With no server at all, the output path is what fails: as pg_dump 18 for -Fc, -Fd and -Ft (it opens the
     * archive before connecting); pg_dump 18 opens -Fp's file only after connecting, we check it first too.
     */
    @Test
    void anUnwritablePathFailsBeforeConnecting() {
        String out = dir.resolve("missing").resolve("x.dump").toString();
        for (String format : List.of("c", "d", "t")) {
            var ref = pgDump18("-p", "1", "-F" + format, "-f", out);
            assertEquals(1, ref.exitCode());
            failsWith(stderr(ref).strip(), dump("-p", "1", "-F" + format, "-f", out));
        }
        failsWith("pg_dump: error: could not open output file \"" + out + "\": No such file or directory",
                dump("-p", "1", "-Fp", "-f", out));
    }

    /** -Fp, -Fc, -Ft onto a directory, -Fd onto a non-empty one: pg_dump 18's message, the directory untouched. */
    @Test
    void anExistingDirectoryFailsAsInPgDump18() throws IOException {
        Path target = Files.createDirectory(dir.resolve("existing"));
        Files.writeString(target.resolve("keep"), "x");
        for (String format : List.of("p", "c", "t", "d")) {
            var ref = pgDump18("-F" + format, "-f", target.toString());
            assertEquals(1, ref.exitCode());
            assertEquals(1, stderr(ref).lines().count(), ref.stderr());
            failsWith(stderr(ref).strip(), dump("-F" + format, "-f", target.toString()));
            assertEquals(List.of("existing"), names());
            try (Stream<Path> files = Files.list(target)) {
                assertEquals(List.of(target.resolve("keep")), files.toList());
            }
        }
    }

    @Test
    void noTemporaryNameInMessages() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        for (String format : List.of("p", "c", "t")) {
            var r = dump("-F" + format, "-f", empty.toString());
            assertEquals(1, r.exitCode(), r.stderr());
            assertFalse(r.stderr().contains(".partial") || r.stderr().contains(".tmp")
                    || r.stderr().contains("pgdump4j-"), r.stderr());
            assertTrue(stderr(r).startsWith("pg_dump: error: could not open ") && r.stderr().contains("\"" + empty
                    + "\""), r.stderr());
        }
        assertEquals(List.of("empty"), names());
    }
}
