package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * pg_dump --disable-dollar-quoting on the routines fixture (bodies with quotes, backslashes and dollar signs, every
 * language the servers ship, procedures, SQL-standard bodies) against real pg_dump 18 on the matrix majors, and
 * psql 18 restores the script from the round-trip majors.
 */
class DollarQuotingCompatIT {
    private static final List<String> ARGS = List.of("--disable-dollar-quoting");

    static Stream<Integer> matrixMajors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("matrixMajors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "routines.sql")) {
            FamilyCompat.assertSameEntries(db, ARGS, "routines " + major + " " + ARGS, dir);
            FamilyCompat.assertSameEntries(db, List.of("--disable-dollar-quoting", "-s", "-n", "rt"),
                    "routines " + major + " -s -n rt", dir);
            String script = FamilyCompat.ours(db, ARGS, dir);
            assertTrue(script.contains("    AS '"), "the fixture must hold a dollar-quotable body");
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("org.pgdump4j.compat.FamilyCompat#roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "routines.sql")) {
            FamilyCompat.assertRoundTrip(db, dir, null, ARGS);
        }
    }
}
