package org.pgdump4j.compat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * Foreign tables (fixtures/foreign-tables.sql: server, options, column options and settings, constraints, comments,
 * privileges) against real pg_dump 18 on every major; psql 18 restores the dump.
 */
class ForeignTableCompatIT {
    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    /** From 18 only: an older server's view text is its own deparse, which a copy on 18 writes differently. */
    static Stream<Integer> roundTripMajors() {
        return PgServers.matrixMajors().stream().filter(m -> m == 18);
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "foreign-tables.sql")) {
            List<List<String>> sets = PgServers.matrixMajors().contains(major)
                    ? List.of(List.of(), List.of("-s"), List.of("-a"), List.of("-t", "fts.bare"),
                            List.of("-c", "--if-exists"), List.of("-x", "--no-comments"))
                    : List.of(List.of());
            for (List<String> args : sets) {
                FamilyCompat.assertSameEntries(db, args, "foreign-tables " + major + " " + args, dir);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        CastCompatIT.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "foreign-tables.sql")) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }
}
