package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;
import org.pgdump4j.testing.TestExtensions;

/**
 * Optimizer statistics (fixtures/relstats.sql, analyzed) against real pg_dump 18: STATISTICS DATA entries of
 * tables (data section) and indexes (post-data, expression columns by number) with the content switches
 * (--statistics, --statistics-only, --no-schema, --no-data) and selections; psql 18 restores our statistics to the
 * same pg_stats and pg_class counters. Extension members (fixtures/relstats-extension.sql): a configuration table's
 * indexes, under the filters that decide its rows.
 */
class RelStatsCompatIT {
    private static final List<List<String>> SETS = List.of(List.of("--statistics"), List.of("--statistics-only"),
            List.of("--no-schema", "--statistics"), List.of("--no-data", "--statistics"),
            List.of("--no-data", "--no-schema"), List.of("--statistics", "-n", "\"St ats\""),
            List.of("--statistics-only", "-t", "s.t"), List.of("--statistics", "-T", "s.t"),
            List.of("--statistics", "-O"), List.of("--no-statistics"));

    /** Inheritance is not dumped yet: only its statistics; a partition tree whole, with its statistics. */
    private static final List<List<String>> TREE_SETS = List.of(List.of("--statistics-only", "-t", "s.child"),
            List.of("--statistics", "-t", "s.pt*"), List.of("--statistics", "-t", "s.pt1"),
            List.of("--statistics-only", "-t", "s.pt1"), List.of("--statistics-only", "-T", "s.pt"),
            List.of("--statistics-only", "-t", "s.parent", "-t", "s.child"));

    /**
     * An extension's members: a configuration table whose rows are dumped has its indexes' statistics written (not
     * its own); other members have none; the filters that decide the rows decide them.
     */
    private static final List<List<String>> EXTENSION_SETS = List.of(List.of("--statistics"),
            List.of("--statistics-only"), List.of("--statistics", "--no-data"), List.of("--statistics", "-n", "xs"),
            List.of("--statistics", "-t", "xs.stats_conf"), List.of("--statistics", "-T", "xs.stats_conf"),
            List.of("--statistics", "--exclude-table-data", "xs.stats_cond"), List.of("--statistics", "-N", "xs"),
            List.of("--statistics", "-e", "p4j_stats"), List.of("--statistics", "--exclude-extension", "p4j_stats"),
            List.of("--statistics", "--quote-all-identifiers"));

    static Stream<Arguments> cases() {
        return FamilyCompat.cases(SETS);
    }

    static Stream<Arguments> extensionCases() {
        return FamilyCompat.cases(EXTENSION_SETS);
    }

    static Stream<Arguments> treeCases() {
        return FamilyCompat.cases(TREE_SETS);
    }

    static Stream<Integer> roundTripMajors() {
        return FamilyCompat.roundTripMajors();
    }

    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("cases")
    void sameEntriesAsPgDump(int major, List<String> args, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "relstats.sql")) {
            FamilyCompat.assertSameEntries(db, args, "relstats " + major + " " + args, dir);
        }
    }

    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("treeCases")
    void inheritanceAndPartitionTreesAsPgDump(int major, List<String> args, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "relstats-inherit.sql")) {
            FamilyCompat.assertSameEntries(db, args, "relstats-inherit " + major + " " + args, dir);
        }
    }

    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("extensionCases")
    void extensionMembersAsPgDump(int major, List<String> args, @TempDir Path dir) throws Exception {
        TestExtensions.install(PgServers.get(major));
        try (TestDb db = FamilyCompat.load(major, "relstats-extension.sql")) {
            FamilyCompat.assertSameEntries(db, args, "relstats-extension " + major + " " + args, dir);
        }
    }

    /** Our --statistics script through psql 18: the copy's pg_stats and counters are the source's. */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresTheStatistics(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "relstats.sql")) {
            String script = FamilyCompat.ours(db, List.of("--statistics"), dir);
            assertTrue(script.contains("pg_restore_attribute_stats"), "no statistics in our script");
            Path file = dir.resolve("stats.sql");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            try (TestDb copy = PgServers.freshDb(18, "relstatscopy")) {
                copy.execute(Fixtures.text("roles.sql"));
                ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-v",
                        "ON_ERROR_STOP=1", "-f", file.toString()), copy.libpqEnvironment()).requireSuccess();
                assertEquals(statistics(db), statistics(copy), "pg_stats and pg_class counters after the restore");
            }
        }
    }

    /** Every user relation's counters and pg_stats rows, as text with pg_dump's float output. */
    private static String statistics(TestDb db) throws Exception {
        // pgjdbc's sessions print floats with extra_float_digits 3, as pg_dump's
        return db.queryString("""
                SELECT pg_catalog.string_agg(x, E'\\n' ORDER BY x) FROM (
                  SELECT n.nspname || '.' || c.relname || ' ' || c.relpages || ' ' || c.reltuples || ' '
                         || c.relallvisible AS x
                    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname IN ('s', 'St ats') AND c.relkind IN ('r', 'i', 'm')
                  UNION ALL
                  SELECT pg_catalog.concat_ws(' | ', s.schemaname, s.tablename, s.attname, s.inherited, s.null_frac,
                         s.avg_width, s.n_distinct, s.most_common_vals, s.most_common_freqs, s.histogram_bounds,
                         s.correlation, s.most_common_elems, s.most_common_elem_freqs, s.elem_count_histogram,
                         s.range_length_histogram, s.range_empty_frac, s.range_bounds_histogram)
                    FROM pg_catalog.pg_stats s WHERE s.schemaname IN ('s', 'St ats')) q
                """);
    }
}
