package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.archive.ArchiveFormat;
import org.pgdump4j.archive.ArchiveFormats;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.OutputFormat;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.restore.PgRestore;
import org.pgdump4j.restore.RenderOptions;
import org.pgdump4j.restore.RestoreListener;
import org.pgdump4j.restore.RestoreOptions;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * Edge values of every built-in type ({@code fixtures/edge-data.sql}: NaN, infinities, -0, huge numerics, every
 * byte, every Unicode plane, arrays with bounds, ranges, json, extreme dates and times...) come out of each round
 * trip bit-exact ({@link EdgeData}: rows compared by the types' binary send forms), on every server major of the
 * matrix. Copies go into PostgreSQL 18 databases (a migration's target; pg_dump 18's scripts set
 * transaction_timeout, which older servers refuse). Dump and restore run in different client time zones, none of
 * them the server's (UTC): the values must not depend on the session's TimeZone.
 */
class EdgeDataIT {
    private static final String KEY = "EdgeKey";
    private static final Map<Integer, TestDb> SOURCES = new HashMap<>();
    private static final Map<Integer, Map<String, String>> QUERIES = new HashMap<>();

    /** The fixture loaded once per server major. */
    static synchronized TestDb source(int major) throws SQLException {
        TestDb db = SOURCES.get(major);
        if (!QUERIES.containsKey(major)) {
            if (db != null) {
                throw new AssertionError("the edge-data fixture failed to load earlier on server " + major);
            }
            db = PgServers.freshDb(major, "edgesrc");
            SOURCES.put(major, db);
            EdgeData.load(db);
            Map<String, String> queries = EdgeData.queries(db);
            // every table of the fixture's sections for this major is compared, and nothing else
            assertEquals(EdgeData.tables(major), queries.keySet());
            QUERIES.put(major, queries);
        }
        return db;
    }

    @AfterAll
    static void drop() {
        SOURCES.values().forEach(TestDb::close);
        SOURCES.clear();
    }

    static List<Integer> majors() {
        return PgServers.matrixMajors();
    }

    /** (a) our plain dump, run by the real psql 18 with ON_ERROR_STOP. */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void ourPlainThroughPsql18(int major, @TempDir Path dir) throws Exception {
        TestDb source = source(major);
        Path script = dir.resolve("dump.sql");
        PgDump.run(new ZonedSource(source, "America/St_Johns"), DumpOptions.defaults().withFile(script),
                ProgressListener.NONE);
        try (TestDb copy = PgServers.freshDb(18, "edgepsql")) {
            var r = ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-v",
                    "ON_ERROR_STOP=1", "-f", script.toString()), env(copy, "Asia/Kathmandu"));
            assertEquals(0, r.exitCode(), r.stderr());
            assertFalse(r.stderr().contains("ERROR"), r.stderr());
            assertSameRows(major, copy);
        }
    }

    static Stream<Arguments> archiveFormats() {
        return majors().stream().flatMap(major -> Stream.of(OutputFormat.CUSTOM, OutputFormat.DIRECTORY,
                OutputFormat.TAR).map(format -> Arguments.of(major, format)));
    }

    /** (b) our custom archive (and directory and tar), restored by the real pg_restore 18. */
    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("archiveFormats")
    void ourArchiveThroughPgRestore18(int major, OutputFormat format, @TempDir Path dir) throws Exception {
        TestDb source = source(major);
        Path archive = dir.resolve("dump." + format.name().toLowerCase(Locale.ROOT));
        PgDump.run(new ZonedSource(source, "Pacific/Chatham"),
                DumpOptions.defaults().withFile(archive).withFormat(format), ProgressListener.NONE);
        try (TestDb copy = PgServers.freshDb(18, "edgepgrestore")) {
            var r = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), List.of("-d", copy.name(),
                    archive.toString()), env(copy, "America/Los_Angeles"));
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("", stderr(r));
            assertSameRows(major, copy);
        }
    }

    /** (c) the real pg_dump 18's custom archive, restored by ours. */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void pgDump18CustomThroughOurRestore(int major, @TempDir Path dir) throws Exception {
        TestDb source = source(major);
        Path archive = dir.resolve("ref.custom");
        ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of("-Fc", "-f", archive.toString(),
                source.name()), env(source, "Asia/Kolkata")).requireSuccess();
        try (TestDb copy = PgServers.freshDb(18, "edgeourrestore")) {
            ArchiveFormat format = ArchiveFormats.detect(archive);
            List<String> errors = new ArrayList<>();
            try (ArchiveReader reader = format.newReader(archive)) {
                var result = PgRestore.run(reader, RestoreOptions.DEFAULTS,
                        PgRestore.Target.database(new ZonedSource(copy, "America/St_Johns")),
                        new RestoreListener() {
                            @Override
                            public void error(String message) {
                                errors.add(message);
                            }
                        }, ZoneId.of("UTC"));
                assertEquals(List.of(), errors);
                assertEquals(0, result.errorsIgnored());
            }
            assertSameRows(major, copy);
        }
    }

    /** (d) our plain dump, run by our own script runner ({@code restore -d} on the .sql file, as a process). */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void ourPlainThroughOurScriptRunner(int major, @TempDir Path dir) throws Exception {
        TestDb source = source(major);
        Path script = dir.resolve("dump.sql");
        PgDump.run(new ZonedSource(source, "Asia/Kathmandu"), DumpOptions.defaults().withFile(script),
                ProgressListener.NONE);
        try (TestDb copy = PgServers.freshDb(18, "edgerunner")) {
            // the child JVM's zone (TZ) is the one PgJDBC gives its sessions
            var r = CliProcess.run(env(copy, "Pacific/Chatham"), "restore", "-d", copy.name(), script.toString());
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("", stderr(r));
            assertSameRows(major, copy);
        }
    }

    /** Our plain output equals real pg_dump 18's byte for byte but the version line, in the same client zone. */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void plainOutputEqualsPgDump18(int major, @TempDir Path dir) throws Exception {
        TestDb source = source(major);
        String zone = "America/St_Johns";
        String expected = ReferenceClients.run(ReferenceClients.require(18, "pg_dump"),
                List.of("--restrict-key=" + KEY, source.name()), env(source, zone)).requireSuccess().stdoutText();
        Path ours = dir.resolve("ours.sql");
        PgDump.run(new ZonedSource(source, zone), DumpOptions.defaults().withFile(ours).withRender(
                new RenderOptions(false, false, false, false, false, false, KEY)), ProgressListener.NONE);
        String actual = Files.readString(ours, StandardCharsets.UTF_8);
        if (!withoutVersion(expected).equals(withoutVersion(actual))) {
            Path keep = Path.of(System.getProperty("compat.keep", "target/compat"));
            Files.createDirectories(keep);
            Files.writeString(keep.resolve(major + "_edge.expected.sql"), expected, StandardCharsets.UTF_8);
            Files.writeString(keep.resolve(major + "_edge.actual.sql"), actual, StandardCharsets.UTF_8);
            List<String> x = expected.lines().toList();
            List<String> a = actual.lines().toList();
            int i = 0;
            while (i < x.size() && i < a.size() && (x.get(i).equals(a.get(i)) || x.get(i).startsWith("-- Dumped by"))) {
                i++;
            }
            throw new AssertionError("line " + (i + 1) + " differs (files in " + keep + "):\n  pg_dump 18: "
                    + cut(i < x.size() ? x.get(i) : "(end)") + "\n  ours:       " + cut(i < a.size() ? a.get(i) : "(end)"));
        }
    }

    static final String UDT = "edge-data-udt.sql";
    private static final Map<Integer, TestDb> UDT_SOURCES = new HashMap<>();
    private static final Map<Integer, Map<String, String>> UDT_QUERIES = new HashMap<>();

    /** The user-defined-types fixture, loaded once per server major in a database of its own. */
    static synchronized TestDb udtSource(int major) throws SQLException {
        TestDb db = UDT_SOURCES.get(major);
        if (!UDT_QUERIES.containsKey(major)) {
            if (db != null) {
                throw new AssertionError("the UDT edge-data fixture failed to load earlier on server " + major);
            }
            db = PgServers.freshDb(major, "edgeudt");
            UDT_SOURCES.put(major, db);
            db.execute(EdgeData.script(UDT, major));
            Map<String, String> queries = EdgeData.queries(db);
            assertEquals(EdgeData.tables(UDT, major), queries.keySet());
            UDT_QUERIES.put(major, queries);
        }
        return db;
    }

    @AfterAll
    static void dropUdt() {
        UDT_SOURCES.values().forEach(TestDb::close);
        UDT_SOURCES.clear();
    }

    enum UdtPath { OUR_PLAIN_PSQL, OUR_CUSTOM_PG_RESTORE, PG_DUMP_CUSTOM_OUR_RESTORE, PLAIN_EQUALS_PG_DUMP }

    static Stream<Arguments> udtPaths() {
        return majors().stream().flatMap(m -> Stream.of(UdtPath.values()).map(p -> Arguments.of(m, p)));
    }

    /**
     * User-defined types in columns (enum arrays, a domain over a composite, ranges of an enum, multiranges of user
     * ranges) come back bit-exact through the same round trips as the built-in types, and our plain script equals
     * pg_dump 18's.
     */
    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("udtPaths")
    void userDefinedTypesRoundTrip(int major, UdtPath path, @TempDir Path dir) throws Exception {
        TestDb source = udtSource(major);
        Map<String, String> queries = UDT_QUERIES.get(major);
        switch (path) {
            case OUR_PLAIN_PSQL -> {
                Path script = dir.resolve("udt.sql");
                PgDump.run(new ZonedSource(source, "America/St_Johns"), DumpOptions.defaults().withFile(script),
                        ProgressListener.NONE);
                try (TestDb copy = PgServers.freshDb(18, "udtpsql")) {
                    var r = ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-v",
                            "ON_ERROR_STOP=1", "-f", script.toString()), env(copy, "Asia/Kathmandu"));
                    assertEquals(0, r.exitCode(), r.stderr());
                    assertFalse(r.stderr().contains("ERROR"), r.stderr());
                    assertSameRows(source, queries, copy);
                }
            }
            case OUR_CUSTOM_PG_RESTORE -> {
                Path archive = dir.resolve("udt.custom");
                PgDump.run(new ZonedSource(source, "Pacific/Chatham"),
                        DumpOptions.defaults().withFile(archive).withFormat(OutputFormat.CUSTOM), ProgressListener.NONE);
                try (TestDb copy = PgServers.freshDb(18, "udtpgrestore")) {
                    var r = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), List.of("-d", copy.name(),
                            archive.toString()), env(copy, "America/Los_Angeles"));
                    assertEquals(0, r.exitCode(), r.stderr());
                    assertEquals("", stderr(r));
                    assertSameRows(source, queries, copy);
                }
            }
            case PG_DUMP_CUSTOM_OUR_RESTORE -> {
                Path archive = dir.resolve("ref.custom");
                ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of("-Fc", "-f", archive.toString(),
                        source.name()), env(source, "Asia/Kolkata")).requireSuccess();
                try (TestDb copy = PgServers.freshDb(18, "udtourrestore");
                        ArchiveReader reader = ArchiveFormats.detect(archive).newReader(archive)) {
                    List<String> errors = new ArrayList<>();
                    var result = PgRestore.run(reader, RestoreOptions.DEFAULTS,
                            PgRestore.Target.database(new ZonedSource(copy, "America/St_Johns")),
                            new RestoreListener() {
                                @Override
                                public void error(String message) {
                                    errors.add(message);
                                }
                            }, ZoneId.of("UTC"));
                    assertEquals(List.of(), errors);
                    assertEquals(0, result.errorsIgnored());
                    assertSameRows(source, queries, copy);
                }
            }
            case PLAIN_EQUALS_PG_DUMP -> {
                String zone = "America/St_Johns";
                String expected = ReferenceClients.run(ReferenceClients.require(18, "pg_dump"),
                        List.of("--restrict-key=" + KEY, source.name()), env(source, zone)).requireSuccess()
                        .stdoutText();
                Path ours = dir.resolve("ours.sql");
                PgDump.run(new ZonedSource(source, zone), DumpOptions.defaults().withFile(ours).withRender(
                        new RenderOptions(false, false, false, false, false, false, KEY)), ProgressListener.NONE);
                assertEquals(withoutVersion(expected), withoutVersion(Files.readString(ours, StandardCharsets.UTF_8)));
            }
        }
    }

    private static void assertSameRows(TestDb source, Map<String, String> queries, TestDb copy) throws SQLException {
        List<String> diff = EdgeData.differences(EdgeData.rows(source, queries), EdgeData.rows(copy, queries));
        assertEquals(List.of(), diff, "values that did not survive the round trip");
    }

    static void assertSameRows(int major, TestDb copy) throws SQLException {
        Map<String, String> queries = QUERIES.get(major);
        List<String> diff = EdgeData.differences(EdgeData.rows(SOURCES.get(major), queries),
                EdgeData.rows(copy, queries));
        assertEquals(List.of(), diff, "values that did not survive the round trip");
    }

    /** A real client's environment on {@code db}, with PGTZ (the session's TimeZone) and TZ set to {@code zone}. */
    private static Map<String, String> env(TestDb db, String zone) {
        Map<String, String> env = new HashMap<>(db.libpqEnvironment());
        env.put("PGTZ", zone);
        env.put("TZ", zone);
        return env;
    }

    /** stderr without the warning every libpq-style client prints about the harness's PGPASSFILE=/dev/null. */
    static String stderr(ReferenceClients.Result r) {
        return r.stderr().replace("WARNING: password file \"/dev/null\" is not a plain file\n", "");
    }

    /** The script with its "Dumped by" version line made neutral (ours names pgdump4j). */
    private static String withoutVersion(String script) {
        return script.replaceAll("(?m)^-- Dumped by pg_dump version .*$", "-- Dumped by pg_dump version X");
    }

    private static String cut(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
