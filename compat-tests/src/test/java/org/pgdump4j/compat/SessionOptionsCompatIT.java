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
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * pg_dump's connection setup options (fixtures/session-options.sql) against real pg_dump 18 on the matrix majors:
 * --role (a quoted name, which sees only its rows of a table with row-level security), --extra-float-digits at both
 * ends of its range, --enable-row-security as superuser (all rows, {@code row_security = on} in the script); psql 18
 * restores the row-security script.
 */
class SessionOptionsCompatIT {
    private static final String ROLE = "--role=P4J Odd \"Role\"";
    private static final List<List<String>> OPTION_SETS = List.of(
            List.of(ROLE, "--enable-row-security"),
            List.of("--extra-float-digits=-15"),
            List.of("--extra-float-digits", "0", "-a"),
            List.of("--extra-float-digits=3", "-t", "so.f"),
            List.of("--enable-row-security", "-a"));

    static Stream<Integer> matrixMajors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("matrixMajors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "session-options.sql")) {
            for (List<String> args : OPTION_SETS) {
                FamilyCompat.assertSameEntries(db, args, "session-options " + major + " " + args, dir);
            }
            String script = FamilyCompat.ours(db, List.of(ROLE, "--enable-row-security"), dir);
            assertTrue(script.contains("SET row_security = on;\n"), script);
            assertTrue(script.contains("1\tP4J Odd \"Role\"\n\\.\n"), script); // only the role's row
            Path file = dir.resolve("rls.sql");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            try (TestDb copy = PgServers.freshDb(18, "sessioncopy")) {
                copy.execute(Fixtures.text("roles.sql"));
                var r = ReferenceClients.run(ReferenceClients.require(18, "psql"),
                        List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString()), copy.libpqEnvironment());
                assertEquals(0, r.exitCode(), r.stderr());
            }
        }
    }
}
