package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * {@code pg_dump -Fp -Z}: the whole script compressed, to the file as named (no suffix) or to standard output, in
 * the method pg_dump 18 uses (gzip with its header, LZ4 frames, zstd frames). The decompressed script equals pg_dump
 * 18's; the compressed one starts as pg_dump's does; from standard output it is the uncompressed script and restores
 * with psql 18.
 */
class PlainCompressionCompatIT {
    private static final List<String> METHODS = List.of("gzip", "5", "gzip:1", "lz4", "lz4:9", "zstd", "zstd:long",
            "zstd:level=19", "0", "none");

    @Test
    void theScriptCompressedAsPgDump18Does(@TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(18, "inserts.sql")) {
            for (String method : METHODS) {
                List<String> args = List.of("-Z", method, "--restrict-key=K", "-f");
                Path theirs = dir.resolve("theirs.sql");
                Path ours = dir.resolve("ours.sql");
                List<String> a = new ArrayList<>(args);
                a.addAll(List.of(theirs.toString(), db.name()));
                ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), a, db.libpqEnvironment())
                        .requireSuccess();
                List<String> b = new ArrayList<>(List.of("dump"));
                b.addAll(args);
                b.addAll(List.of(ours.toString(), db.name()));
                var r = InProcessCli.run(db.libpqEnvironment(), b.toArray(String[]::new));
                assertEquals(0, r.exitCode(), r.stderr());
                byte[] their = Files.readAllBytes(theirs);
                byte[] our = Files.readAllBytes(ours);
                assertArrayEquals(Arrays.copyOf(their, 4), Arrays.copyOf(our, 4), method + ": the format's magic");
                assertEquals(FamilyCompat.withoutVersions(text(their, method)),
                        FamilyCompat.withoutVersions(text(our, method)), method);
            }
        }
    }

    @Test
    void toStandardOutputAndBackThroughPsql(@TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(18, "inserts.sql");
             TestDb copy = PgServers.freshDb(18, "plainz")) {
            var r = CliProcess.run(db.libpqEnvironment(), "dump", "-Z", "zstd", "--restrict-key=FamilyKey", db.name());
            assertEquals(0, r.exitCode(), r.stderr());
            Path script = dir.resolve("restore.sql");
            Files.writeString(script, text(r.stdout(), "zstd"), StandardCharsets.UTF_8);
            ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-d", copy.name(), "-f", script.toString()), copy.libpqEnvironment()).requireSuccess();
            // the same script as written uncompressed to a file; restored above without an error
            assertEquals(text(r.stdout(), "zstd"), FamilyCompat.ours(db, List.of(), dir));
        }
    }

    /** The script a compressed file holds, read back by our codecs (the same frames pg_restore reads). */
    private static String text(byte[] file, String method) throws IOException {
        Compression c = Compression.parse(method);
        try (InputStream in = c.codec().decompressFile(new ByteArrayInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
