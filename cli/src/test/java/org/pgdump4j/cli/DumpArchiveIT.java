package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * {@code dump -F c|d|t} with {@code -Z} and {@code --archive-version} against an embedded PostgreSQL 18: the archive
 * has the asked version and compression, and {@code restore -f -} of it prints what {@code dump -Fp} prints.
 */
class DumpArchiveIT {
    private static final String KEY = "--restrict-key=K3Y";
    private static TestDb db;
    private static String plain;

    @TempDir
    Path dir;

    @BeforeAll
    static void database(@TempDir Path tmp) throws SQLException, IOException {
        db = PgServers.freshDb(18);
        db.execute("create schema s; create table s.t (id int primary key, v text);"
                + " insert into s.t select g, 'row ' || g from generate_series(1, 500) g;"
                + " select lo_from_bytea(0, 'large'::bytea);");
        Path script = tmp.resolve("plain.sql"); // (a dump to stdout goes to the process's, not the context's)
        Cli.Run run = run("dump", KEY, "-Fp", "-f", script.toString());
        assertEquals(0, run.exitCode(), run.err());
        plain = Files.readString(script);
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    private static Cli.Run run(String... args) {
        Map<String, String> env = new HashMap<>(db.libpqEnvironment());
        env.put("TZ", "UTC");
        List<String> all = new ArrayList<>(List.of(args));
        if (args[0].equals("dump")) {
            all.add(db.name());
        }
        return Cli.run(Cli.context(env, new ByteArrayInputStream(new byte[0])), all.toArray(String[]::new));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "c||gzip|1.16-0", "c|-Z0|none|1.16-0", "c|-Z lz4|lz4|1.16-0", "c|-Z zstd:level=5|zstd|1.16-0",
        "c|--archive-version=1.14|gzip|1.14-0", "c|--archive-version=1.15 -Z zstd|zstd|1.15-0",
        "d||gzip|1.16-0", "d|-Z none|none|1.16-0", "d|-Z lz4|lz4|1.16-0", "t||none|1.16-0"})
    void archiveRestoresToThePlainScript(String format, String options, String compression, String version)
            throws IOException {
        Path archive = dir.resolve("db." + format);
        List<String> args = new ArrayList<>(List.of("dump", "-F", format, "-f", archive.toString()));
        if (options != null) {
            args.addAll(List.of(options.split(" ")));
        }
        Cli.Run dump = run(args.toArray(String[]::new));
        assertEquals("", dump.err());
        assertEquals(0, dump.exitCode());
        assertTrue(Files.exists(archive));

        Cli.Run list = run("restore", "-l", archive.toString());
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains(";     Compression: " + compression + "\n"), list.out());
        assertTrue(list.out().contains(";     Dump Version: " + version + "\n"), list.out());

        Cli.Run script = run("restore", KEY, "-f", "-", archive.toString());
        assertEquals("", script.err());
        if (version.equals("1.16-0")) {
            assertEquals(plain, script.out());
        } else {
            // before 1.16 large objects are per-object BLOB entries, printed differently than by dump -Fp:
            // compare with what the real pg_restore 18 prints for the same archive
            var real = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"),
                    List.of(KEY, "-f", "-", archive.toString()), Map.of("TZ", "UTC"));
            assertEquals(0, real.exitCode(), real.stderr());
            assertEquals(real.stdoutText(), script.out());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"d|-Z lz4 --archive-version=1.15|lz4|1.15-0",
            "d|--archive-version=1.14|gzip|1.14-0", "t|--archive-version=1.14|none|1.14-0"})
    void directoryAndTarWriteTheAskedVersion(String format, String options, String compression, String version)
            throws IOException {
        archiveRestoresToThePlainScript(format, options, compression, version);
    }
}
