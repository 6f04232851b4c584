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
 * Inheritance children and typed tables (fixtures/inheritance.sql) against real pg_dump 18: INHERITS, inherited,
 * merged and local columns, defaults and NOT NULLs, DEFAULT NULL where a parent's default was left out (inline, or
 * as a DEFAULT entry for an inherited column), a child's default on an inherited column as a DEFAULT entry; -t on
 * a child, -T on a parent, the -and-children options; psql 18 restores the dump with the same rows.
 */
class InheritanceCompatIT {
    private static final List<List<String>> SETS = List.of(List.of(), List.of("-s"), List.of("-a"),
            List.of("-t", "s.child"), List.of("-T", "s.base"), List.of("-c", "--if-exists"),
            List.of("--table-and-children", "s.base"), List.of("--exclude-table-and-children", "s.child"));

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    static Stream<Integer> roundTripMajors() {
        return FamilyCompat.roundTripMajors();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "inheritance.sql")) {
            for (List<String> args : FamilyCompat.optionSets(major, SETS)) {
                FamilyCompat.assertSameEntries(db, args, "inheritance " + major + " " + args, dir);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        CastCompatIT.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "inheritance.sql")) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }
}
