package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * --use-set-session-authorization (fixtures/session-authorization.sql) on the matrix majors: pg_dump's script equals
 * real pg_dump 18's with -c, -C, -a (with --disable-triggers and -S, which share the session user), -O and -x; our
 * restore of our archive prints what real pg_restore 18 prints of it; psql 18 restores the script (default dump
 * round trip: FamilyCompatCase's of the other families).
 */
class SessionAuthorizationCompatIT {
    private static final String SSA = "--use-set-session-authorization";
    private static final List<List<String>> OPTION_SETS = List.of(List.of(SSA), List.of(SSA, "-c", "--if-exists"),
            List.of(SSA, "-C", "-c"), List.of(SSA, "-a"), List.of(SSA, "-a", "--disable-triggers", "-S", "postgres"),
            List.of(SSA, "-O"), List.of(SSA, "-x", "-n", "ssa*"));

    static Stream<Integer> matrixMajors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("matrixMajors")
    void sameScriptsAsPgDumpAndPgRestore(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "session-authorization.sql")) {
            for (List<String> args : OPTION_SETS) {
                FamilyCompat.assertSameEntries(db, args, "session-authorization " + major + " " + args, dir);
            }
            Path archive = dir.resolve("ours.dump");
            var dump = CliProcess.run(db.libpqEnvironment(), "dump", "-Fc", "-f", archive.toString());
            assertEquals(0, dump.exitCode(), dump.stderr());
            for (List<String> opts : List.of(List.of(SSA), List.of(SSA, "-c", "-C"), List.of(SSA, "--section=data"))) {
                List<String> args = new ArrayList<>(opts);
                args.addAll(List.of("--restrict-key=FamilyKey", "-f", "-", archive.toString()));
                String expected = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), args, Map.of())
                        .requireSuccess().stdoutText();
                Path out = dir.resolve("ours.sql");
                List<String> ours = new ArrayList<>(List.of("restore"));
                ours.addAll(opts);
                ours.addAll(List.of("--restrict-key=FamilyKey", "-f", out.toString(), archive.toString()));
                var restore = CliProcess.run(db.libpqEnvironment(), ours.toArray(String[]::new));
                assertEquals(0, restore.exitCode(), restore.stderr());
                String actual = Files.readString(out, StandardCharsets.UTF_8);
                String diff = FamilyCompat.firstDifference(FamilyCompat.entries(PlainDumpCompatIT.withoutVersion(
                        expected)), FamilyCompat.entries(PlainDumpCompatIT.withoutVersion(actual)));
                assertEquals(null, diff, opts.toString());
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("org.pgdump4j.compat.FamilyCompat#roundTripMajors")
    void psqlRestoresTheScript(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "session-authorization.sql");
             TestDb copy = PgServers.freshDb(18, "ssacopy")) {
            // each role makes its own schema
            copy.execute("GRANT CREATE ON DATABASE " + copy.name() + " TO p4j_owner, \"P4J Odd \"\"Role\"\"\"");
            Path file = dir.resolve("ssa.sql");
            Files.writeString(file, FamilyCompat.ours(db, List.of(SSA), dir), StandardCharsets.UTF_8);
            var r = ReferenceClients.run(ReferenceClients.require(18, "psql"),
                    List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString()), copy.libpqEnvironment());
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(FamilyCompat.entries(FamilyCompat.withoutVersions(FamilyCompat.ours(db, List.of(), dir))),
                    FamilyCompat.entries(FamilyCompat.withoutVersions(FamilyCompat.ours(copy, List.of(), dir))));
            assertEquals(InteropTools.state(db), InteropTools.state(copy));
        }
    }
}
