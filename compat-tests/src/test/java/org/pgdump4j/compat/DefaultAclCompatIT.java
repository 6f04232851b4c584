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
 * Default privileges (fixtures/default-acl.sql) against real pg_dump 18 on every major, with -x and -n narrowing
 * them; psql 18 restores the dump.
 */
class DefaultAclCompatIT {
    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    /**
     * 17 and 18: before 17 a table's built-in default lacks MAINTAIN, so a global REVOKE from such a source names
     * each privilege, and the copy on 18 (whose default has it) dumps as REVOKE ALL, as pg_dump 18 dumps it.
     */
    static Stream<Integer> roundTripMajors() {
        return FamilyCompat.roundTripMajors().filter(m -> m >= 17);
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "default-acl.sql")) {
            List<List<String>> sets = List.of(List.<String>of(), List.of("-s"), List.of("-a"), List.of("-x"),
                    List.of("-n", "\"Acl S\""), List.of("-n", "other"), List.of("-c", "--if-exists"));
            for (List<String> args : FamilyCompat.optionSets(major, sets)) {
                FamilyCompat.assertSameEntries(db, args, "default acl " + major + " " + args, dir);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        CastCompatIT.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "default-acl.sql")) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }
}
