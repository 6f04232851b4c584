package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.SharedFixtures;
import org.pgdump4j.testing.TestDb;

/**
 * pg_restore -j and --transaction-size into a database (fixtures/parallel.sql: tables loaded side by side, keys and
 * foreign keys that must wait for them, partitions, a materialized view, privileges, large objects): from our custom
 * and directory archives and from real pg_dump 18's (one written to a pipe, so without data offsets, one loading
 * partitions through their root), a restore with -j 4 (also with -c), with --transaction-size, and with both gives
 * the database a serial restore gives (our dump of each copy, and
 * the rows of every table); statement errors in the workers count as pg_restore 18 counts them; -e stops every
 * worker; the option checks speak pg_restore 18's words.
 */
class ParallelRestoreIT {
    private static final Pattern ERRORS_IGNORED = Pattern.compile("errors ignored on restore: (\\d+)");

    static Stream<Integer> majors() {
        return PgServers.matrixMajors().stream();
    }

    /** One restore to check: which archive, and our restore options. */
    private record Case(String archive, List<String> options) {
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void parallelAndBatchedRestoresGiveTheSerialRestoresDatabase(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "parallel.sql")) {
            Map<String, String> rows = InteropTools.state(db);
            Path oursC = dumpWithUs(db, "c", dir.resolve("ours.dump"));
            Path oursD = dumpWithUs(db, "d", dir.resolve("ours.dir"));
            Path theirsC = InteropTools.realDump(18, db, List.of("-Fc"), dir.resolve("theirs.dump"));
            Path theirsD = InteropTools.realDump(18, db, List.of("-Fd"), dir.resolve("theirs.dir"));
            // partitions loaded through their root: a worker must not TRUNCATE them (rows may cross partitions)
            Path viaRoot = InteropTools.realDump(18, db, List.of("-Fd", "--load-via-partition-root"),
                    dir.resolve("theirs-root.dir"));
            Path piped = dir.resolve("theirs-piped.dump"); // pg_dump -Fc to a pipe: no data offsets in its TOC
            Files.write(piped, ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of("-Fc",
                    db.name()), db.libpqEnvironment()).requireSuccess().stdout());

            String serial = restoreAndDump(oursC, List.of(), rows, dir);
            List<Case> cases = List.of(new Case("ours -Fc", List.of("-j", "4")),
                    new Case("ours -Fd", List.of("-j", "4")),
                    new Case("pg_dump 18 -Fc", List.of("-j", "4")),
                    new Case("pg_dump 18 -Fd", List.of("--jobs=3")),
                    new Case("pg_dump 18 -Fc to a pipe", List.of("-j", "4")),
                    new Case("pg_dump 18 -Fd --load-via-partition-root", List.of("-j", "4")),
                    new Case("ours -Fc", List.of("-j", "4", "-c", "--if-exists")),
                    new Case("ours -Fc", List.of("--transaction-size", "5")),
                    new Case("ours -Fd", List.of("-j", "4", "--transaction-size=3", "-e")));
            Map<String, Path> archives = Map.of("ours -Fc", oursC, "ours -Fd", oursD, "pg_dump 18 -Fc", theirsC,
                    "pg_dump 18 -Fd", theirsD, "pg_dump 18 -Fc to a pipe", piped,
                    "pg_dump 18 -Fd --load-via-partition-root", viaRoot);
            for (Case c : cases) {
                String copy = restoreAndDump(archives.get(c.archive()), c.options(), rows, dir);
                String diff = FamilyCompat.firstDifference(FamilyCompat.entries(FamilyCompat.withoutVersions(serial)),
                        FamilyCompat.entries(FamilyCompat.withoutVersions(copy)));
                if (diff != null) {
                    fail("restore " + c.options() + " of " + c.archive() + " differs from the serial one: " + diff);
                }
            }
        }
    }

    private static Path dumpWithUs(TestDb db, String format, Path out) {
        var r = InProcessCli.run(db.libpqEnvironment(), "dump", "-F" + format, "-f", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        return out;
    }

    /** Our restore of {@code archive} into a fresh copy on 18: no error, the source's rows; our dump of the copy. */
    private static String restoreAndDump(Path archive, List<String> options, Map<String, String> rows, Path dir)
            throws Exception {
        try (TestDb copy = PgServers.freshDb(18, "parcopy")) {
            var r = restoreWithUs(copy, options, archive);
            assertEquals(0, r.exitCode(), "restore " + options + " of " + archive + ": " + r.stderr());
            assertEquals(rows, InteropTools.state(copy), "rows after restore " + options + " of " + archive);
            return FamilyCompat.ours(copy, List.of(), dir);
        }
    }

    private static ReferenceClients.Result restoreWithUs(TestDb copy, List<String> options, Path archive) {
        List<String> args = new ArrayList<>(List.of("restore"));
        args.addAll(options);
        args.addAll(List.of("-d", copy.name(), archive.toString()));
        return InProcessCli.run(copy.libpqEnvironment(), args.toArray(String[]::new));
    }

    private static ReferenceClients.Result restoreWithPgRestore(TestDb copy, List<String> options, Path archive) {
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("-d", copy.name(), archive.toString()));
        return ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), args, copy.libpqEnvironment());
    }

    /**
     * A copy holding the pre-data whose table par.t3 refuses every row, so that its COPY fails in a worker: pg_restore
     * 18 and we, each restoring the data and post-data on such a copy with the same options, exit with the same code
     * and count the same errors.
     */
    @Test
    void workerErrorsCountAndMinusEStopsAsInPgRestore18(@TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(18, "parallel.sql")) {
            Path archive = dumpWithUs(db, "c", dir.resolve("ours.dump"));
            List<String> rest = List.of("-j", "4", "--section=data", "--section=post-data");
            for (List<String> options : List.of(rest, Stream.concat(rest.stream(), Stream.of("-e")).toList())) {
                ReferenceClients.Result theirs;
                ReferenceClients.Result ours;
                try (TestDb copy = refusingCopy(archive)) {
                    theirs = restoreWithPgRestore(copy, options, archive);
                }
                try (TestDb copy = refusingCopy(archive)) {
                    ours = restoreWithUs(copy, options, archive);
                    assertEquals("0", copy.queryString("SELECT count(*) FROM par.t3"));
                }
                assertEquals(1, theirs.exitCode(), theirs.stderr());
                assertEquals(1, ours.exitCode(), ours.stderr());
                assertTrue(ours.stderr().lines().noneMatch(l -> l.startsWith("pg_restore: error:")
                        && !l.contains("\"t3\"") && !l.contains("worker process died")), ours.stderr());
                String copyFailed = "pg_restore: error: COPY failed for table \"t3\": ERROR:  new row for relation"
                        + " \"t3\" violates check constraint \"refuse\"";
                assertTrue(theirs.stderr().contains(copyFailed), theirs.stderr());
                assertTrue(ours.stderr().contains(copyFailed), ours.stderr());
                if (options.contains("-e")) {
                    String died = "pg_restore: error: a worker process died unexpectedly";
                    assertTrue(theirs.stderr().contains(died), theirs.stderr());
                    assertTrue(ours.stderr().contains(died), ours.stderr());
                } else {
                    assertEquals(errorsIgnored(theirs.stderr()), errorsIgnored(ours.stderr()),
                            "pg_restore 18:\n" + theirs.stderr() + "\nours:\n" + ours.stderr());
                }
            }
        }
    }

    private static TestDb refusingCopy(Path archive) throws Exception {
        TestDb copy = PgServers.freshDb(18, "parerr");
        var schema = restoreWithPgRestore(copy, List.of("--section=pre-data", "-e"), archive);
        assertEquals(0, schema.exitCode(), schema.stderr());
        copy.execute("ALTER TABLE par.t3 ADD CONSTRAINT refuse CHECK (payload = 'none')");
        return copy;
    }

    private static int errorsIgnored(String stderr) {
        Matcher m = ERRORS_IGNORED.matcher(stderr);
        if (!m.find()) {
            fail("no \"errors ignored on restore\" in:\n" + stderr);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The option checks before any connection: our stderr and exit code are pg_restore 18's. */
    @Test
    void optionChecksAsPgRestore18() {
        String tar = SharedFixtures.require().resolve("pg18_tar.tar").toString();
        List<List<String>> sets = List.of(List.of("-j", "0", "-d", "x"), List.of("-j", "abc", "-d", "x"),
                List.of("--jobs= 2x", "-d", "x"), List.of("--transaction-size=0", "-d", "x"),
                List.of("--transaction-size", "-3", "-f", "-"), List.of("-1", "--transaction-size=2", "-d", "x"),
                List.of("-1", "-j", "2", "-d", "x"), List.of("-C", "-1", "-j", "2", "-d", "x"),
                List.of("-j", "2", "-d", "x", tar));
        for (List<String> args : sets) {
            var theirs = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), args, Map.of());
            List<String> mine = new ArrayList<>(List.of("restore"));
            mine.addAll(args);
            var ours = InProcessCli.run(Map.of(), mine.toArray(String[]::new));
            assertEquals(theirs.stderr(), ours.stderr(), args.toString());
            assertEquals(theirs.exitCode(), ours.exitCode(), args.toString());
        }
    }
}
