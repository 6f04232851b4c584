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
 * Partitioned tables, partitions and partitioned indexes (fixtures/partitions.sql) against real pg_dump 18: the
 * whole tree, its schema or rows alone, a parent or a partition named by -t or -T, --clean, rows loaded via the
 * partition root (forced for a tree hash-partitioned on an enum), --table-and-children and
 * --exclude-table-and-children; psql 18 restores the
 * dump with the same rows.
 */
class PartitionCompatIT {
    private static final List<List<String>> SETS = List.of(List.of(), List.of("-s"), List.of("-a"),
            List.of("-t", "s.m"), List.of("-t", "s.m1"), List.of("-T", "s.m"), List.of("-c", "--if-exists"),
            List.of("--load-via-partition-root"), List.of("--table-and-children", "s.m"),
            List.of("--exclude-table-and-children", "s.m"));

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    static Stream<Integer> roundTripMajors() {
        return FamilyCompat.roundTripMajors();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "partitions.sql")) {
            for (List<String> args : FamilyCompat.optionSets(major, SETS)) {
                FamilyCompat.assertSameEntries(db, args, "partitions " + major + " " + args, dir);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        CastCompatIT.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "partitions.sql")) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }
}
