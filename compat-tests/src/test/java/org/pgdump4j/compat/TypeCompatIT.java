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
 * Enums, composites, ranges, domains and undefined types (fixtures/types.sql) against real pg_dump 18, entry by
 * entry, on every server major, for the option sets that change what types write; and a round trip through psql
 * 18 from 18 and from the oldest major. Base types (fixtures/types-base.sql) come with their I/O functions (the
 * routines family).
 */
class TypeCompatIT {
    private static final Map<String, TestDb> DBS = new HashMap<>();

    static synchronized TestDb db(int major, String fixture) throws SQLException {
        String key = fixture + major;
        TestDb db = DBS.get(key);
        if (db == null) {
            db = FamilyCompat.load(major, fixture);
            DBS.put(key, db);
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
                List.of("-n", "ty"), List.of("-n", "\"Odd Schema\""), List.of("-N", "ty"), List.of("-c", "--if-exists"),
                List.of("-a"));
        return FamilyCompat.cases(options);
    }

    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("cases")
    void sameEntriesAsPgDump(int major, List<String> args, @TempDir Path dir) throws Exception {
        FamilyCompat.assertSameEntries(db(major, "types.sql"), args, "types-" + major + "-" + String.join(" ", args),
                dir);
    }

    /**
     * FamilyCompat's round-trip majors: restored into 18, a range type dumped from a server before 14 gets its
     * multirange named, and the public schema of one before 15 gets 18's owner and privileges, so the second dump
     * differs there, as pg_dump's would. (EdgeDataIT restores types from older servers through psql 18 too.)
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
        FamilyCompat.assertRoundTrip(db(major, "types.sql"), dir);
    }

    static Stream<Arguments> baseCases() {
        List<List<String>> options = List.of(List.of(), List.of("-s"), List.of("-n", "tb"), List.of("-c", "--if-exists"));
        return FamilyCompat.cases(options);
    }

    /** Base types, their shell types and I/O functions: the functions are the routines family's. */
    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("baseCases")
    void baseTypesSameEntriesAsPgDump(int major, List<String> args, @TempDir Path dir) throws Exception {
        FamilyCompat.assertSameEntries(db(major, "types-base.sql"), args,
                "types-base-" + major + "-" + String.join(" ", args), dir);
        if (args.isEmpty() && roundTripMajors().anyMatch(m -> m == major)) {
            FamilyCompat.assertRoundTrip(db(major, "types-base.sql"), dir);
        }
    }
}
