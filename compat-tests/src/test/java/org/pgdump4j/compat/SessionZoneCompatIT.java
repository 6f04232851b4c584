package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * Our dumps print timestamptz (data, --inserts, defaults, check constraints, views, partition bounds, --statistics)
 * in the time zone pg_dump 18's session has, not in the JVM's that PgJDBC sends: the database's
 * {@code ALTER DATABASE ... SET timezone} (the CLI in this JVM), PGTZ, and the server's configured zone for a CLI
 * whose JVM runs in another zone (its own process). Entry by entry equal to pg_dump 18's; psql 18 restores ours
 * (source 18).
 */
class SessionZoneCompatIT {
    private static final String DATABASE_ZONE = "Pacific/Chatham";
    private static final String PGTZ = "America/St_Johns";
    private static final String JVM_ZONE = "Asia/Kathmandu";
    private static final List<List<String>> SETS = List.of(List.of(), List.of("--inserts"),
            List.of("--statistics"));

    static Stream<Integer> majors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void timestamptzAsPgDumpPrintsIt(int major, @TempDir Path dir) throws Exception {
        assertNotEquals(DATABASE_ZONE, TimeZone.getDefault().getID(), "the test needs a JVM in another zone");
        try (TestDb db = FamilyCompat.load(major, "session-zone.sql")) {
            assertSameAsPgDump(db, Map.of("TZ", JVM_ZONE), true, List.of(), major + " server's zone, JVM in "
                    + JVM_ZONE, dir);
            db.execute("ALTER DATABASE " + db.name() + " SET timezone = '" + DATABASE_ZONE + "'");
            for (List<String> set : SETS) {
                FamilyCompat.assertSameEntries(db, set, "session-zone " + major + " " + set, dir);
            }
            assertSameAsPgDump(db, Map.of("PGTZ", PGTZ), false, List.of("--inserts"), major + " PGTZ", dir);
            if (major == 18) { // a copy on 18 of an older source deparses its view differently (before 16)
                assertRoundTrip(db, dir);
            }
        }
    }

    /** psql 18 restores our script into a database in the same zone; our dump of the copy is the same. */
    private static void assertRoundTrip(TestDb db, Path dir) throws Exception {
        String first = FamilyCompat.ours(db, List.of(), dir);
        Path script = Files.writeString(dir.resolve("zone.sql"), first, StandardCharsets.UTF_8);
        try (TestDb copy = PgServers.freshDb(18, "zonecopy")) {
            copy.execute(Fixtures.text("roles.sql"));
            copy.execute("ALTER DATABASE " + copy.name() + " SET timezone = '" + DATABASE_ZONE + "'");
            ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-f", script.toString()), copy.libpqEnvironment()).requireSuccess();
            String diff = FamilyCompat.firstDifference(FamilyCompat.entries(FamilyCompat.withoutVersions(first)),
                    FamilyCompat.entries(FamilyCompat.withoutVersions(FamilyCompat.ours(copy, List.of(), dir))));
            if (diff != null) {
                fail("dump -> psql 18 -> dump changed the script: " + diff);
            }
            assertEquals(InteropTools.state(db), InteropTools.state(copy), "rows after the restore");
        }
    }

    /** pg_dump 18 and ours (in this JVM, or in a process of its own) with {@code extra} in the environment. */
    private static void assertSameAsPgDump(TestDb db, Map<String, String> extra, boolean ownProcess, List<String> set,
                                           String label, Path dir) throws Exception {
        Map<String, String> env = new HashMap<>(db.libpqEnvironment());
        env.putAll(extra);
        List<String> args = new ArrayList<>(set);
        args.add("--restrict-key=FamilyKey");
        String expected = ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), args, env).requireSuccess()
                .stdoutText();
        Path out = dir.resolve("ours-" + System.nanoTime() + ".sql");
        List<String> ours = new ArrayList<>(List.of("dump"));
        ours.addAll(args);
        ours.addAll(List.of("-f", out.toString()));
        var r = ownProcess ? CliProcess.run(env, ours.toArray(String[]::new))
                : InProcessCli.run(env, ours.toArray(String[]::new));
        assertEquals(0, r.exitCode(), label + ": " + r.stderr());
        String actual = Files.readString(out, StandardCharsets.UTF_8);
        String diff = FamilyCompat.firstDifference(FamilyCompat.entries(PlainDumpCompatIT.withoutVersion(expected)),
                FamilyCompat.entries(PlainDumpCompatIT.withoutVersion(actual)));
        if (diff != null) {
            fail(label + ": " + diff);
        }
        assertEquals(PlainDumpCompatIT.withoutVersion(expected), PlainDumpCompatIT.withoutVersion(actual), label);
    }
}
