package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.pgdump4j.testing.TestDb;

/**
 * Changed privileges on pg_catalog's objects (fixtures/sysacl.sql): the schema, its types, relations and columns
 * and a function, against real pg_dump 18 on every major, with the options that keep or drop them (-n/-t drop them,
 * -e alone keeps them, -N pg_catalog drops them); psql 18 restores the dump. -n pg_catalog and -t naming a system
 * catalog make pg_dump dump the catalogs themselves: ours refuses, naming them.
 */
class SystemPrivilegesCompatIT {
    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    /** Majors whose dump restores into 18 and dumps back the same (15+: public owned by pg_database_owner). */
    static Stream<Integer> roundTripMajors() {
        return FamilyCompat.roundTripMajors().filter(m -> m >= 15);
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "sysacl.sql")) {
            String full = FamilyCompat.theirs(db, List.of());
            // the fixture reaches pg_dump: every kind has an entry
            for (String tag : List.of("SCHEMA pg_catalog", "TYPE int4", "TYPE text", "TYPE int4range", "TABLE pg_authid",
                    "COLUMN pg_authid.rolname", "TABLE pg_class", "COLUMN pg_class.relname", "TABLE pg_roles",
                    "COLUMN pg_namespace.ctid", "COLUMN pg_subscription.subname", "FUNCTION now()")) {
                assertTrue(full.contains("-- Name: " + tag + "; Type: ACL; Schema: "), tag + " in\n" + full);
            }
            List<List<String>> sets = List.of(List.<String>of(), List.of("-s"), List.of("-a"), List.of("-x"),
                    List.of("-n", "a_first"), List.of("-t", "a_first.t"), List.of("-N", "pg_catalog"),
                    List.of("-N", "pg_*"), List.of("-e", "plpgsql"), List.of("-c", "--if-exists"));
            for (List<String> args : FamilyCompat.optionSets(major, sets)) {
                FamilyCompat.assertSameEntries(db, args, "sysacl " + major + " " + args, dir);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "sysacl.sql")) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }

    /** pg_dump -n pg_catalog writes the catalogs' definitions and rows; ours refuses in one line, writing nothing. */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void refusesToDumpTheSystemCatalogsThemselves(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "sysacl.sql")) {
            for (var c : List.of(
                    new Refusal(List.of("-n", "pg_catalog"), "SYSTEM SCHEMA (1): pg_catalog"),
                    new Refusal(List.of("-n", "information_schema", "-n", "a_first"),
                            "SYSTEM SCHEMA (1): information_schema"),
                    new Refusal(List.of("-t", "pg_class"), "SYSTEM RELATION (1): pg_catalog.pg_class"),
                    new Refusal(List.of("-t", "pg_catalog.pg_auth*", "-T", "pg_authid"),
                            "SYSTEM RELATION (1): pg_catalog.pg_auth_members"))) {
                String theirs = FamilyCompat.theirs(db, c.args());
                assertTrue(theirs.contains("\nCREATE "), "pg_dump " + c.args() + " dumps system objects");
                Path out = dir.resolve("refused.sql");
                List<String> a = new ArrayList<>(List.of("dump"));
                a.addAll(c.args());
                a.addAll(List.of("-f", out.toString()));
                var r = InProcessCli.run(db.libpqEnvironment(), a.toArray(String[]::new));
                assertEquals(1, r.exitCode(), c.args() + ": " + r.stderr());
                assertTrue(r.stderr().contains("pg_dump: error: cannot dump ") && r.stderr().contains(c.named()),
                        c.args() + ": " + r.stderr());
                assertTrue(!Files.exists(out), c.args() + " left " + out);
            }
            // excluded again, nothing of pg_catalog is left to dump: both write the same
            FamilyCompat.assertSameEntries(db, List.of("-n", "pg_catalog", "-N", "pg_catalog", "-n", "a_first"),
                    "sysacl " + major + " -n pg_catalog -N pg_catalog", dir);
        }
    }

    private record Refusal(List<String> args, String named) {
    }
}
