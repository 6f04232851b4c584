package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * A family's compat fixture checked the two ways design.md asks ("Tests per family"), for a test class that names
 * its fixture and option sets: on every major, our plain dump equals real pg_dump 18's for each option set (all of
 * them on the matrix majors, the default set on the others); on the round-trip majors, real psql 18 and pg_restore 18
 * restore it and the copy dumps the same, with the same rows ({@link FamilyCompat}).
 */
abstract class FamilyCompatCase {
    @TempDir
    Path dir;

    /** The fixture under {@code fixtures/}. */
    abstract String fixture();

    /** The option sets to compare, the default dump (no options) first. */
    abstract List<List<String>> optionSets();

    /** What the source loses before its round trips: objects whose copy cannot be the same (none by default). */
    void beforeRoundTrip(TestDb db) throws java.sql.SQLException {
    }

    /** The dump options of the round trips (none: the default dump). */
    List<String> roundTripArgs() {
        return List.of();
    }

    /** Whether a copy restored from {@code major} can dump as the source does; a family narrows it with its reason. */
    boolean roundTrips(int major) {
        return true;
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("org.pgdump4j.testing.PgServers#everyMajor")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        String label = fixture().replace(".sql", "");
        try (TestDb db = FamilyCompat.load(major, fixture())) {
            for (List<String> args : FamilyCompat.optionSets(major, optionSets())) {
                FamilyCompat.assertSameEntries(db, args, label + " " + major + " " + args, dir);
            }
        }
    }

    /**
     * One round trip per major of {@link FamilyCompat#roundTripMajors} this family allows; none at all fails (a run
     * whose matrix leaves a family no major to restore from has not checked it).
     */
    @TestFactory
    Stream<DynamicTest> restoresAndDumpsTheSame() {
        List<Integer> majors = FamilyCompat.roundTripMajors().filter(this::roundTrips).toList();
        assertFalse(majors.isEmpty(), "no round-trip major for " + fixture() + " among " + PgServers.matrixMajors());
        return majors.stream().map(major -> DynamicTest.dynamicTest("server " + major, () -> {
            FamilyCompat.rolesOn18();
            try (TestDb db = FamilyCompat.load(major, fixture())) {
                beforeRoundTrip(db);
                FamilyCompat.assertRoundTrip(db, Files.createDirectories(dir.resolve("server" + major)), null,
                        roundTripArgs());
            }
        }));
    }
}
