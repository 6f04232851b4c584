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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * Security labels (fixtures/seclabel.sql: rows written into pg_seclabel and pg_shseclabel, on the kinds pg_dump 18
 * labels and on kinds it does not; a subscription, dropped before its database is) against real pg_dump 18, entry by entry, with and without
 * --no-security-labels, the database's own under -C: the full list of option sets on the matrix majors, the default
 * dump on the others. No label provider ships with the servers, so a copy restores only without labels: the round
 * trip dumps with --no-security-labels; and pg_restore --no-security-labels of our archive prints what real
 * pg_restore 18 prints.
 */
class SecLabelCompatIT {
    private static final List<List<String>> OPTION_SETS = List.of(List.of(), List.of("--no-security-labels"),
            List.of("-C"), List.of("-C", "--no-security-labels"), List.of("-s"), List.of("-a"), List.of("-x"),
            List.of("--no-comments"), List.of("-n", "s"), List.of("-N", "s"), List.of("-t", "s.t"),
            List.of("-c", "--if-exists"));

    static Stream<Arguments> cases() {
        return FamilyCompat.cases(OPTION_SETS);
    }

    static Stream<Integer> roundTripMajors() {
        return FamilyCompat.roundTripMajors();
    }

    static Stream<Integer> matrixMajors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("cases")
    void sameEntriesAsPgDump(int major, List<String> args, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "seclabel.sql")) {
            try {
                FamilyCompat.assertSameEntries(db, args, "seclabel " + major + " " + args, dir);
            } finally {
                db.execute(SubscriptionCompatIT.DROP_SUBSCRIPTIONS);
            }
        }
    }

    /** pg_restore -C --no-security-labels on our archive: ours prints what real pg_restore 18 prints. */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("matrixMajors")
    void restoreWithoutLabelsAsPgRestore(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "seclabel.sql")) {
            Path archive = dir.resolve("ours.dump");
            var dump = CliProcess.run(db.libpqEnvironment(), "dump", "-Fc", "-f", archive.toString());
            db.execute(SubscriptionCompatIT.DROP_SUBSCRIPTIONS);
            assertEquals(0, dump.exitCode(), dump.stderr());
            for (List<String> options : List.of(List.of("-C"), List.of("-C", "--no-security-labels"))) {
                List<String> args = new java.util.ArrayList<>(options);
                args.addAll(List.of("--restrict-key=FamilyKey", "-f", "-", archive.toString()));
                String expected = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), args, Map.of())
                        .requireSuccess().stdoutText();
                Path out = dir.resolve("ours" + options.size() + ".sql");
                List<String> ours = new java.util.ArrayList<>(List.of("restore"));
                ours.addAll(options);
                ours.addAll(List.of("--restrict-key=FamilyKey", "-f", out.toString(), archive.toString()));
                var restore = CliProcess.run(db.libpqEnvironment(), ours.toArray(String[]::new));
                assertEquals(0, restore.exitCode(), restore.stderr());
                String actual = Files.readString(out, StandardCharsets.UTF_8);
                assertEquals(PlainDumpCompatIT.withoutVersion(expected), PlainDumpCompatIT.withoutVersion(actual),
                        options.toString());
                assertEquals(options.size() == 1, actual.contains("SECURITY LABEL FOR alpha ON DATABASE"), actual);
                assertEquals(options.size() == 1, actual.contains("SECURITY LABEL FOR alpha ON COLUMN s.t.v"), actual);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresItWithoutLabels(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "seclabel.sql")) {
            try {
                FamilyCompat.assertRoundTrip(db, dir, SubscriptionCompatIT.DROP_SUBSCRIPTIONS,
                        List.of("--no-security-labels"));
            } finally {
                db.execute(SubscriptionCompatIT.DROP_SUBSCRIPTIONS);
            }
        }
    }

    /** What pg_dump 18 leaves out is left out: the guard's old refusal is not replaced by a silent superset. */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("matrixMajors")
    void labelsPgDumpDoesNotWriteAreNotWritten(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "seclabel.sql")) {
            String ours;
            try {
                ours = FamilyCompat.ours(db, List.of(), dir);
            } finally {
                db.execute(SubscriptionCompatIT.DROP_SUBSCRIPTIONS);
            }
            assertTrue(ours.contains("SECURITY LABEL FOR alpha ON SUBSCRIPTION sub IS 'sub';"), ours);
            // two labels of one object come in the server's order (sameEntriesAsPgDump holds it), columns after
            for (String line : List.of("SECURITY LABEL FOR zeta ON TABLE s.t IS 'table z';",
                    "SECURITY LABEL FOR \"My Prov\" ON TABLE s.t IS 'it''s';")) {
                assertTrue(ours.contains(line + "\n"), line);
            }
            assertTrue(ours.contains("SECURITY LABEL FOR alpha ON COLUMN s.t.id IS 'col id';\n"
                    + "SECURITY LABEL FOR alpha ON COLUMN s.t.v IS 'col v';\n"), ours);
            assertFalse(ours.contains("not dumped"), ours);
        }
    }
}
