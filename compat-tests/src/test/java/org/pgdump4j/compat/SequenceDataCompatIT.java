package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * pg_dump --sequence-data (fixtures/table-data.sql: plain, serial, identity and excluded sequences) against real
 * pg_dump 18 on the matrix majors: the sequences' values come with -s, --no-data and --statistics-only, and a full
 * dump is unchanged; psql 18 restores the -s script.
 */
class SequenceDataCompatIT {
    private static final List<List<String>> OPTION_SETS = List.of(List.of("--sequence-data"),
            List.of("-s", "--sequence-data"), List.of("--no-data", "--sequence-data"),
            List.of("--statistics-only", "--sequence-data"), List.of("-s", "--sequence-data", "-t", "td.seq"),
            List.of("-s", "--sequence-data", "--exclude-table-data=td.seq"), List.of("-a", "--sequence-data"));

    static Stream<Integer> matrixMajors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("matrixMajors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "table-data.sql")) {
            for (List<String> args : OPTION_SETS) {
                FamilyCompat.assertSameEntries(db, args, "sequence-data " + major + " " + args, dir);
            }
            assertTrue(FamilyCompat.ours(db, List.of("-s", "--sequence-data"), dir).contains("Type: SEQUENCE SET"));
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("org.pgdump4j.compat.FamilyCompat#roundTripMajors")
    void psqlRestoresTheSchemaWithSequenceValues(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "table-data.sql")) {
            // the copy holds no rows, so only its dump (schema and sequence values) is compared
            String first = FamilyCompat.ours(db, List.of("-s", "--sequence-data"), dir);
            try (TestDb copy = PgServers.freshDb(18, "seqdatacopy")) {
                copy.execute(Fixtures.text("roles.sql"));
                Path file = dir.resolve("s.sql");
                java.nio.file.Files.writeString(file, first, java.nio.charset.StandardCharsets.UTF_8);
                var r = org.pgdump4j.testing.ReferenceClients.run(
                        org.pgdump4j.testing.ReferenceClients.require(18, "psql"),
                        List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString()), copy.libpqEnvironment());
                org.junit.jupiter.api.Assertions.assertEquals(0, r.exitCode(), r.stderr());
                String second = FamilyCompat.ours(copy, List.of("-s", "--sequence-data"), dir);
                org.junit.jupiter.api.Assertions.assertNull(FamilyCompat.firstDifference(
                        FamilyCompat.entries(FamilyCompat.withoutVersions(first)),
                        FamilyCompat.entries(FamilyCompat.withoutVersions(second))));
            }
        }
    }
}
