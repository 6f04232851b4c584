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
 * Foreign-data wrappers, servers and user mappings (fixtures/foreign.sql) against real pg_dump 18 on every major,
 * with the options that leave parts out (-x, --no-comments, -n, -e); psql 18 restores the dump.
 */
class ForeignCompatIT {
    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    /** 18 and one older major whose dump restores into 18 unchanged (15+: public schema owned by pg_database_owner). */
    static Stream<Integer> roundTripMajors() {
        return FamilyCompat.roundTripMajors();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "foreign.sql")) {
            List<List<String>> sets = List.of(List.<String>of(), List.of("-s"), List.of("-x"), List.of("--no-comments"),
                    List.of("-n", "fs"), List.of("-e", "postgres_fdw"), List.of("-t", "fs.t"),
                    List.of("-c", "--if-exists"));
            for (List<String> args : FamilyCompat.optionSets(major, sets)) {
                FamilyCompat.assertSameEntries(db, args, "foreign " + major + " " + args, dir);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        CastCompatIT.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "foreign.sql")) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }
}
