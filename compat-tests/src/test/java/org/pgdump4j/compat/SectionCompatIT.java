package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * pg_dump --section (fixtures/sections.sql, with a database comment and setting) against real pg_dump 18 on the
 * matrix majors: the plain script of each section and of pairs, with -C, -s and --statistics; a custom archive
 * per section holds the entries pg_dump 18's holds (pg_restore 18's listing without dump ids, and its script); and
 * psql 18 restores the three section scripts one after the other into a copy that dumps as the source.
 */
class SectionCompatIT {
    private static final List<List<String>> PLAIN = List.of(
            List.of("--section=pre-data"), List.of("--section=data"), List.of("--section=post-data"),
            List.of("--section=pre-data", "--section=post-data"), List.of("--section=data", "-C"),
            List.of("--section=post-data", "-C", "-c", "--if-exists"), List.of("--section=data", "-s"),
            List.of("--section=post-data", "--statistics"));
    private static final List<List<String>> ARCHIVES = List.of(List.of("--section=pre-data"),
            List.of("--section=data"), List.of("--section=post-data"), List.of("--section=data", "--section=post-data"));

    static Stream<Integer> matrixMajors() {
        return PgServers.matrixMajors().stream();
    }

    static TestDb load(int major) throws Exception {
        TestDb db = FamilyCompat.load(major, "sections.sql");
        db.execute("COMMENT ON DATABASE " + db.name() + " IS 'sections'");
        db.execute("ALTER DATABASE " + db.name() + " SET work_mem = '8MB'");
        return db;
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("matrixMajors")
    void sameScriptsAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = load(major)) {
            for (List<String> args : PLAIN) {
                FamilyCompat.assertSameEntries(db, args, "sections " + major + " " + args, dir);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("matrixMajors")
    void sameArchivesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = load(major)) {
            for (List<String> args : ARCHIVES) {
                Path theirs = dir.resolve("theirs-" + System.nanoTime());
                Path ours = dir.resolve("ours-" + System.nanoTime());
                List<String> a = new ArrayList<>(args);
                a.addAll(List.of("-Fc", "-f", theirs.toString(), db.name()));
                ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), a, db.libpqEnvironment())
                        .requireSuccess();
                List<String> b = new ArrayList<>(List.of("dump"));
                b.addAll(args);
                b.addAll(List.of("-Fc", "-f", ours.toString()));
                var r = InProcessCli.run(db.libpqEnvironment(), b.toArray(String[]::new));
                assertEquals(0, r.exitCode(), r.stderr());
                assertEquals(listing(theirs), listing(ours), args.toString());
                String diff = FamilyCompat.firstDifference(FamilyCompat.entries(script(theirs)),
                        FamilyCompat.entries(script(ours)));
                if (diff != null) {
                    fail(args + ": " + diff);
                }
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("org.pgdump4j.compat.FamilyCompat#roundTripMajors")
    void theThreeSectionsRestoreTheDatabase(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = load(major); TestDb copy = PgServers.freshDb(18, "sectionscopy")) {
            for (String section : List.of("pre-data", "data", "post-data")) {
                Path file = dir.resolve(section + ".sql");
                Files.writeString(file, FamilyCompat.ours(db, List.of("--section=" + section), dir),
                        StandardCharsets.UTF_8);
                var r = ReferenceClients.run(ReferenceClients.require(18, "psql"),
                        List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString()), copy.libpqEnvironment());
                assertEquals(0, r.exitCode(), section + ": " + r.stderr());
            }
            String diff = FamilyCompat.firstDifference(
                    FamilyCompat.entries(FamilyCompat.withoutVersions(FamilyCompat.ours(db, List.of("-n", "sec"), dir))),
                    FamilyCompat.entries(FamilyCompat.withoutVersions(
                            FamilyCompat.ours(copy, List.of("-n", "sec"), dir))));
            if (diff != null) {
                fail("the copy dumps differently: " + diff);
            }
            assertEquals(InteropTools.state(db), InteropTools.state(copy));
        }
    }

    /** pg_restore 18's -l without its header and the dump ids (ours are numbered apart from pg_dump's). */
    private static String listing(Path archive) {
        String out = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), List.of("-l", archive.toString()),
                java.util.Map.of()).requireSuccess().stdoutText();
        return out.lines().filter(l -> !l.startsWith(";")).map(l -> l.replaceFirst("^\\d+;", "")).toList()
                .toString().replace(", ", "\n");
    }

    private static String script(Path archive) {
        return PlainDumpCompatIT.withoutVersion(ReferenceClients.run(ReferenceClients.require(18, "pg_restore"),
                List.of("--restrict-key=FamilyKey", "-f", "-", archive.toString()), java.util.Map.of())
                .requireSuccess().stdoutText());
    }
}
