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
 * Rewrite rules (fixtures/rules.sql) against real pg_dump 18 on every major, dumped with their tables under each
 * selection; psql 18 restores the dump.
 */
class RuleCompatIT {
    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    static Stream<Integer> roundTripMajors() {
        return FamilyCompat.roundTripMajors();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "rules.sql")) {
            List<List<String>> sets = List.of(List.<String>of(), List.of("-s"), List.of("-a"),
                    List.of("--no-comments"), List.of("-n", "s"), List.of("-t", "s.t"), List.of("-T", "s.t"),
                    List.of("-t", "s.v"), List.of("-c", "--if-exists"), List.of("-O"));
            for (List<String> args : FamilyCompat.optionSets(major, sets)) {
                FamilyCompat.assertSameEntries(db, args, "rules " + major + " " + args, dir);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        CastCompatIT.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "rules.sql")) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }
}
