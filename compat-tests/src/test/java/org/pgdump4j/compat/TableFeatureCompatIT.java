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
 * Table and column features (fixtures/table-features.sql: storage, statistics, attribute options, compression,
 * replica identity, toast options, index column statistics, view column defaults, 18's NOT NULL constraints)
 * against real pg_dump 18 on every major, with --no-toast-compression too; psql 18 restores the dump.
 */
class TableFeatureCompatIT {
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
        try (TestDb db = FamilyCompat.load(major, "table-features.sql")) {
            List<List<String>> sets = PgServers.matrixMajors().contains(major)
                    ? List.of(List.of(), List.of("-s"), List.of("-a"), List.of("-t", "\"Feat S\".\"V 1\""),
                            List.of("-t", "\"Feat S\".by_index"), List.of("-c", "--if-exists"),
                            List.of("--no-toast-compression"))
                    : List.of(List.of());
            for (List<String> args : sets) {
                FamilyCompat.assertSameEntries(db, args, "table-features " + major + " " + args, dir);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        CastCompatIT.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "table-features.sql")) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }
}
