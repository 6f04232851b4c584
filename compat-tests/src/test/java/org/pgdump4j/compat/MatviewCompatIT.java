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
 * Materialized views (fixtures/matviews.sql: options, column settings, indexes, comments, privileges, REFRESH
 * entries in dependency order, unpopulated ones) against real pg_dump 18 on every major; psql 18 restores the dump.
 */
class MatviewCompatIT {
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
        try (TestDb db = FamilyCompat.load(major, "matviews.sql")) {
            List<List<String>> sets = PgServers.matrixMajors().contains(major)
                    ? List.of(List.of(), List.of("-s"), List.of("-a"), List.of("-t", "mvs.mv2"),
                            List.of("-t", "mvs.\"MV 1\"", "-t", "mvs.mv2"), List.of("-c", "--if-exists"),
                            List.of("-x", "--no-comments"))
                    : List.of(List.of());
            for (List<String> args : sets) {
                FamilyCompat.assertSameEntries(db, args, "matviews " + major + " " + args, dir);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "matviews.sql")) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }
}
