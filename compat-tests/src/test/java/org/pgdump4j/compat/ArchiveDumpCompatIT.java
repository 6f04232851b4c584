package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.OutputFormat;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * Our custom, directory and tar archives, printed by the real pg_restore 18 ({@code -f -}), give exactly the
 * script real pg_dump 18 writes for the same database: the archive carries everything the script needs.
 */
class ArchiveDumpCompatIT {
    private static TestDb db;
    private static String expected;

    @BeforeAll
    static void load() throws Exception {
        db = PgServers.freshDb(18, "archcompat");
        Fixtures.load(db, "slice1.sql");
        expected = ReferenceClients.run(ReferenceClients.require(18, "pg_dump"),
                List.of("--restrict-key=K", db.name()), db.libpqEnvironment()).requireSuccess().stdoutText();
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (OutputFormat f : List.of(OutputFormat.CUSTOM, OutputFormat.DIRECTORY)) {
            for (String z : List.of("none", "gzip", "lz4", "zstd")) {
                out.add(Arguments.of(f, z));
            }
        }
        out.add(Arguments.of(OutputFormat.TAR, "none"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void pgRestore18PrintsWhatPgDump18Writes(OutputFormat format, String compression, @TempDir Path dir) {
        Path archive = dir.resolve("archive");
        PgDump.run(TestSource.of(db), DumpOptions.defaults().withFile(archive).withFormat(format)
                .withArchive(new DumpOptions.ArchiveSettings(Compression.parse(compression), ArchiveVersion.DEFAULT)),
                ProgressListener.NONE);
        var printed = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"),
                List.of("--restrict-key=K", "-f", "-", archive.toString()), db.libpqEnvironment());
        assertEquals(0, printed.exitCode(), printed.stderr());
        assertEquals(PlainDumpCompatIT.withoutVersion(expected),
                PlainDumpCompatIT.withoutVersion(printed.stdoutText()));
    }
}
