package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * pg_dump --quote-all-identifiers against real pg_dump 18 entry by entry: fixtures/quote-all.sql (lower-case names
 * in every family, written by us or deparsed by the server) with the option alone on every major, and with
 * statistics, -C -c --if-exists, SET SESSION AUTHORIZATION and data as INSERTs on the matrix majors; there also
 * every-kind.sql (one object of each kind pg_dump dumps), and our custom and parallel directory archives printed
 * by pg_restore 18 equal pg_dump's (the archive stores the quoted SQL; pg_restore adds its own unquoted owners);
 * psql 18 and pg_restore 18 restore it.
 */
class QuoteAllCompatIT {
    private static final String Q = "--quote-all-identifiers";
    private static final List<List<String>> SETS = List.of(List.of(Q),
            List.of(Q, "--statistics", "-C", "-c", "--if-exists", "--use-set-session-authorization"),
            List.of(Q, "-a", "--column-inserts", "--disable-triggers"));

    static Stream<Arguments> cases() {
        return FamilyCompat.cases(SETS);
    }

    static Stream<Integer> matrixMajors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0} {1}")
    @MethodSource("cases")
    void sameEntriesAsPgDump(int major, List<String> args, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "quote-all.sql")) {
            FamilyCompat.assertSameEntries(db, args, "quote-all " + major + " " + args, dir);
            assertTrue(FamilyCompat.ours(db, List.of(Q, "-t", "qa.items"), dir)
                    .contains("CREATE TABLE \"qa\".\"items\" (\n    \"id\" integer NOT NULL,"));
        }
    }

    /** Every kind of object, and the archive: pg_restore 18 prints ours as it prints pg_dump's. */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("matrixMajors")
    void everyKindAndTheArchive(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "quoteallkinds")) {
            db.execute(Fixtures.text("roles.sql"));
            db.execute(CompletenessGuardIT.forServer(Fixtures.text("every-kind.sql"), major));
            try {
                FamilyCompat.assertSameEntries(db, List.of(Q), "quote-all every-kind " + major, dir);
                FamilyCompat.assertSameEntries(db, List.of(Q, "--statistics", "-C"),
                        "quote-all every-kind " + major + " --statistics -C", dir);
            } finally {
                db.execute("ALTER SUBSCRIPTION sub DISABLE; ALTER SUBSCRIPTION sub SET (slot_name = NONE); "
                        + "DROP SUBSCRIPTION sub; DROP EVENT TRIGGER evt");
            }
        }
        try (TestDb db = FamilyCompat.load(major, "quote-all.sql")) {
            Path theirs = dir.resolve("theirs.dump");
            Path ours = dir.resolve("ours.dump");
            ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of(Q, "-Fc", "-f", theirs.toString(),
                    db.name()), db.libpqEnvironment()).requireSuccess();
            Path parallel = dir.resolve("ours-j2");
            var r = InProcessCli.run(db.libpqEnvironment(), "dump", Q, "-Fc", "-f", ours.toString());
            assertEquals(0, r.exitCode(), r.stderr());
            // -j 2: the workers' connections quote too (the regclass rows of qa.refs)
            r = InProcessCli.run(db.libpqEnvironment(), "dump", Q, "-Fd", "-j", "2", "-f", parallel.toString());
            assertEquals(0, r.exitCode(), r.stderr());
            String expected = FamilyCompat.withoutVersions(restored(theirs, db));
            assertTrue(expected.contains("\"qa\".\"items\"\t\"qa\".\"add_tax\"(numeric,numeric)\t\"qa\".\"mood\""));
            assertEquals(expected, FamilyCompat.withoutVersions(restored(ours, db)), "pg_restore 18 of -Fc");
            assertEquals(expected, FamilyCompat.withoutVersions(restored(parallel, db)), "pg_restore 18 of -Fd -j 2");
        }
    }

    private static String restored(Path archive, TestDb db) {
        return ReferenceClients.run(ReferenceClients.require(18, "pg_restore"),
                List.of("--restrict-key=K", "-f", "-", archive.toString()), db.libpqEnvironment())
                .requireSuccess().stdoutText();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("org.pgdump4j.compat.FamilyCompat#roundTripMajors")
    void psqlAndPgRestoreRestoreIt(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "quote-all.sql")) {
            FamilyCompat.assertRoundTrip(db, dir, null, List.of(Q));
        }
    }
}
