package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * {@code --include-foreign-data} against real pg_dump 18 on the matrix majors (fixtures/foreign-data.sql:
 * postgres_fdw loopback servers over the database's own tables): the rows of the foreign tables of the matching
 * servers, read through {@code COPY (SELECT ...)} while the session lets foreign tables be read; and the patterns
 * pg_dump refuses, with its message.
 */
class ForeignDataCompatIT {
    static Stream<Integer> majors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = load(major)) {
            List<List<String>> sets = List.of(List.of("--include-foreign-data=srv"),
                    List.of("-a", "--include-foreign-data=s*"),
                    List.of("--include-foreign-data=other", "--include-foreign-data=srv2", "-n", "fdw"),
                    List.of("-t", "fdw.items", "--include-foreign-data=*"),
                    List.of("--include-foreign-data=s*", "--exclude-table-data=fdw.\"Notes\""));
            for (List<String> args : sets) {
                FamilyCompat.assertSameEntries(db, args, "foreign data " + major + " " + args, dir);
            }
            String dump = FamilyCompat.ours(db, List.of("--include-foreign-data=srv"), dir);
            assertTrue(dump.contains("COPY fdw.items (id, name, price) FROM stdin;\n1\tone\t1.5\n"), dump);
            assertTrue(!dump.contains("COPY fdw.other_items"), "server other was not named: " + dump);
        }
    }

    /** A custom archive reads the foreign tables' rows the same way: pg_restore 18 prints pg_dump 18's script. */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void customArchivePrintsAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = load(major)) {
            Path archive = dir.resolve("fdw.dump");
            var dumped = InProcessCli.run(db.libpqEnvironment(), "dump", "-Fc", "--include-foreign-data=s*", "-f",
                    archive.toString());
            assertEquals(0, dumped.exitCode(), dumped.stderr());
            var printed = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"),
                    List.of("--restrict-key=FamilyKey", "-f", "-", archive.toString()), db.libpqEnvironment());
            assertEquals(0, printed.exitCode(), printed.stderr());
            assertEquals(PlainDumpCompatIT.withoutVersion(FamilyCompat.theirs(db, List.of("--include-foreign-data=s*"))),
                    PlainDumpCompatIT.withoutVersion(printed.stdoutText()));
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void refusedPatternsFailAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = load(major)) {
            for (List<String> args : List.of(List.of("--include-foreign-data=nomatch"),
                    List.of("--include-foreign-data=srv", "--include-foreign-data=nosuch*"),
                    List.of("--include-foreign-data="), List.of("--include-foreign-data=a.srv"))) {
                var theirs = ReferenceClients.run(ReferenceClients.require(18, "pg_dump"),
                        withDb(args, db), db.libpqEnvironment());
                var ours = InProcessCli.run(db.libpqEnvironment(), withOut(args, dir).toArray(String[]::new));
                assertEquals(1, theirs.exitCode(), theirs.stderr());
                assertEquals(theirs.exitCode(), ours.exitCode(), args + ": " + ours.stderr());
                assertEquals(theirs.stderr().strip(), ours.stderr().strip(), args.toString());
            }
        }
    }

    private static List<String> withDb(List<String> args, TestDb db) {
        List<String> a = new ArrayList<>(args);
        a.add(db.name());
        return a;
    }

    private static List<String> withOut(List<String> args, Path dir) {
        List<String> a = new ArrayList<>(List.of("dump"));
        a.addAll(args);
        a.addAll(List.of("-f", dir.resolve("refused.sql").toString()));
        return a;
    }

    /** A fresh database with the fixture, its servers pointing at this very database. */
    private static TestDb load(int major) throws SQLException {
        TestDb db = PgServers.freshDb(major, "foreigndata");
        Map<String, String> env = db.libpqEnvironment();
        db.execute(Fixtures.text("roles.sql"));
        db.execute(CompletenessGuardIT.forServer(Fixtures.text("foreign-data.sql"), major)
                .replace("@HOST@", env.get("PGHOST")).replace("@PORT@", env.get("PGPORT"))
                .replace("@DB@", db.name()).replace("@USER@", env.get("PGUSER")));
        return db;
    }
}
