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
 * Casts and transforms for plpgsql, and plpgsql's changed privileges (fixtures/cast.sql), against real pg_dump 18
 * on every major; psql 18 restores the dump.
 */
class CastCompatIT {
    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    /** 18 and one older major whose dump restores into 18 unchanged (15+: public schema owned by pg_database_owner). */
    static Stream<Integer> roundTripMajors() {
        return FamilyCompat.roundTripMajors();
    }

    /** The copy is restored on server 18: the fixture's roles must exist there. */
    static void rolesOn18() throws Exception {
        try (TestDb db = PgServers.freshDb(18, "roles")) {
            db.execute(Fixtures.text("roles.sql"));
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "cast.sql")) {
            List<List<String>> sets = List.of(List.<String>of(), List.of("-s"), List.of("-x"), List.of("--no-comments"),
                    List.of("-n", "s"), List.of("-e", "plpgsql"), List.of("-c", "--if-exists"));
            for (List<String> args : FamilyCompat.optionSets(major, sets)) {
                FamilyCompat.assertSameEntries(db, args, "cast " + major + " " + args, dir);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "cast.sql")) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }
}
