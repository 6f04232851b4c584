package org.pgdump4j.compat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * Functions, procedures, window functions and aggregates (fixtures/routines.sql) against real pg_dump 18, entry by
 * entry, on every server major, for the option sets that change what routines write; and a round trip through
 * psql 18 from 18 and from an old major.
 */
class RoutineCompatIT {
    private static final Map<Integer, TestDb> DBS = new HashMap<>();

    static synchronized TestDb db(int major) throws SQLException {
        TestDb db = DBS.get(major);
        if (db == null) {
            db = FamilyCompat.load(major, "routines.sql");
            DBS.put(major, db);
        }
        return db;
    }

    @AfterAll
    static void close() {
        DBS.values().forEach(TestDb::close);
        DBS.clear();
    }

    static Stream<Arguments> cases() {
        List<List<String>> options = List.of(List.of(), List.of("-s"), List.of("-x"), List.of("--no-comments"),
                List.of("-n", "rt"), List.of("-n", "\"Odd Schema\""), List.of("-N", "rt"), List.of("-c", "--if-exists"));
        return FamilyCompat.cases(options);
    }

    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("cases")
    void sameEntriesAsPgDump(int major, List<String> args, @TempDir Path dir) throws Exception {
        FamilyCompat.assertSameEntries(db(major), args, "routines-" + major + "-" + String.join(" ", args), dir);
    }

    /**
     * FamilyCompat's round-trip majors: older servers dump differently from 18 (no table access method line before
     * 12, procedure arguments without IN before 14, public owned by its creator before 15), so their dump and the
     * copy's differ in what the servers write, not in what pgdump4j writes (pg_dump 18's too).
     */
    static Stream<Integer> roundTripMajors() {
        return FamilyCompat.roundTripMajors();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void restoresWithPsqlAndDumpsTheSame(int major, @TempDir Path dir) throws Exception {
        try (TestDb roles = PgServers.freshDb(18, "roles")) {
            roles.execute(Fixtures.text("roles.sql"));
        }
        FamilyCompat.assertRoundTrip(db(major), dir);
    }
}
