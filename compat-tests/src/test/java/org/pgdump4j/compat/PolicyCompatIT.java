package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * Row-level security and policies (fixtures/policies.sql) against real pg_dump 18: the full list of option sets on
 * the matrix majors, the default dump on the others (FamilyCompat.optionSets); the round trip from the matrix majors
 * 15+; and from the matrix majors our restore --no-policies of our archive prints what real pg_restore 18 prints.
 */
class PolicyCompatIT {
    private static final List<List<String>> OPTION_SETS = List.of(List.of(), List.of("-s"), List.of("-a"),
            List.of("-x"), List.of("--no-policies"), List.of("-n", "s"), List.of("-t", "s.t"), List.of("-T", "s.t"),
            List.of("-c", "--if-exists"));

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    static Stream<Integer> roundTripMajors() {
        return FamilyCompat.roundTripMajors();
    }

    static Stream<Integer> matrixMajors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "policies.sql")) {
            for (List<String> args : FamilyCompat.optionSets(major, OPTION_SETS)) {
                FamilyCompat.assertSameEntries(db, args, "policies " + major + " " + args, dir);
            }
        }
    }

    /** pg_restore --no-policies on our archive: ours leaves out what real pg_restore 18 leaves out, FORCE stays. */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("matrixMajors")
    void restoreWithoutPoliciesAsPgRestore(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "policies.sql")) {
            Path archive = dir.resolve("ours.dump");
            var dump = CliProcess.run(db.libpqEnvironment(), "dump", "-Fc", "-f", archive.toString());
            assertEquals(0, dump.exitCode(), dump.stderr());
            List<String> args = List.of("--no-policies", "--restrict-key=FamilyKey", "-f", "-", archive.toString());
            String expected = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), args, Map.of())
                    .requireSuccess().stdoutText();
            Path out = dir.resolve("ours.sql");
            var restore = CliProcess.run(db.libpqEnvironment(), "restore", "--no-policies", "--restrict-key=FamilyKey",
                    "-f", out.toString(), archive.toString());
            assertEquals(0, restore.exitCode(), restore.stderr());
            String actual = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(PlainDumpCompatIT.withoutVersion(expected), PlainDumpCompatIT.withoutVersion(actual));
            assertFalse(actual.contains("CREATE POLICY") || actual.contains("ENABLE ROW LEVEL SECURITY"), actual);
            assertTrue(actual.contains("FORCE ROW LEVEL SECURITY"), actual);
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "policies.sql")) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }
}
