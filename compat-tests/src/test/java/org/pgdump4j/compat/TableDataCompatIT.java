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
 * The data rules (fixtures/table-data.sql) against real pg_dump 18: --exclude-table-data on tables, a sequence, a
 * partitioned parent (its partitions keep their rows) and materialized views; --exclude-table-data-and-children on
 * a partition tree and an inheritance tree; --no-unlogged-table-data; with -a (a referenced table's rows left out)
 * and --statistics (a materialized view's statistics stay in their section when its REFRESH goes).
 */
class TableDataCompatIT {
    private static final List<List<String>> SETS = List.of(
            List.of("--exclude-table-data=td.plain", "--exclude-table-data", "td.seq"),
            List.of("--no-unlogged-table-data"),
            List.of("--exclude-table-data=td.par", "--exclude-table-data=td.inh"),
            List.of("--exclude-table-data-and-children=td.par", "--exclude-table-data-and-children=td.inh"),
            List.of("--exclude-table-data=td.mv"),
            List.of("--exclude-table-data=td.mv_over", "--statistics"),
            List.of("--exclude-table-data=td.mv", "--statistics"),
            List.of("-a", "--exclude-table-data=td.plain", "--exclude-table-data=td.serial*"),
            List.of("--exclude-table-data=td.*", "--no-unlogged-table-data", "-t", "td.ul*"),
            List.of("--exclude-table-data=nosuch", "--strict-names"));

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    static Stream<Integer> roundTripMajors() {
        return FamilyCompat.roundTripMajors();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "table-data.sql")) {
            for (List<String> args : FamilyCompat.optionSets(major, SETS)) {
                FamilyCompat.assertSameEntries(db, args, "table-data " + major + " " + args, dir);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        CastCompatIT.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "table-data.sql")) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }
}
