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
 * Procedural languages and their transforms (fixtures/language.sql) against real pg_dump 18 on every major. No
 * round trip: the languages' handlers are pg_catalog's, which pg_dump does not dump, so it writes the
 * parameterless CREATE OR REPLACE PROCEDURAL LANGUAGE, which a server 13+ runs as CREATE EXTENSION (and fails).
 */
class ProcLanguageCompatIT {
    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "language.sql")) {
            List<List<String>> sets = List.of(List.<String>of(), List.of("-s"), List.of("-x"), List.of("--no-comments"),
                    List.of("-n", "s"), List.of("-t", "s.t"), List.of("-c", "--if-exists"));
            for (List<String> args : FamilyCompat.optionSets(major, sets)) {
                FamilyCompat.assertSameEntries(db, args, "language " + major + " " + args, dir);
            }
        }
    }
}
