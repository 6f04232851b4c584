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
 * Text search parsers, templates, dictionaries and configurations, collations and conversions
 * (fixtures/textsearch-collation-conversion.sql: every variant each server supports, odd names, owners, comments)
 * dump entry by entry as real pg_dump 18 dumps them from every server 10..18, with the options that change what
 * these families write; on 18 and on 12, psql 18 restores our script and a second dump is the same.
 */
class TextSearchCollationConversionCompatIT {
    private static final String FIXTURE = "textsearch-collation-conversion.sql";

    /** The option sets: schema only, no comments, one schema, the other schema excluded, with DROPs first. */
    private static final List<List<String>> CASES = List.of(List.of(), List.of("-s"), List.of("--no-comments"),
            List.of("-n", "ts"), List.of("-N", "ts"), List.of("-c", "--if-exists"), List.of("-O"));

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void dumpsAsPgDump18Does(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, FIXTURE)) {
            for (List<String> args : FamilyCompat.optionSets(major, CASES)) {
                FamilyCompat.assertSameEntries(db, args, "tscoll " + major + " " + String.join(" ", args), dir);
            }
            if (major == 18 || major == 12) {
                FamilyCompat.assertRoundTrip(db, dir);
            }
        }
    }
}
