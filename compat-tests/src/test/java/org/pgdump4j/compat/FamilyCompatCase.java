package org.pgdump4j.compat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.TestDb;

/**
 * A family's compat fixture checked the two ways design.md asks ("Tests per family"), for a test class that names
 * its fixture and option sets: on every major, our plain dump equals real pg_dump 18's for each option set (all of
 * them on the matrix majors, the default set on the others); on the round-trip majors, real psql 18 and pg_restore 18
 * restore it and the copy dumps the same, with the same rows ({@link FamilyCompat}).
 */
abstract class FamilyCompatCase {
    /** The fixture under {@code fixtures/}. */
    abstract String fixture();

    /** The option sets to compare, the default dump (no options) first. */
    abstract List<List<String>> optionSets();

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

    @ParameterizedTest(name = "server {0}")
    @MethodSource("org.pgdump4j.compat.FamilyCompat#roundTripMajors")
    void restoresAndDumpsTheSame(int major, @TempDir Path dir) throws Exception {
        // only outside CI's matrix (12, 18) can a family's narrower round-trip majors leave one out
        Assumptions.assumeTrue(roundTrips(major), "no round trip from " + major + " for " + fixture());
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, fixture())) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }
}
