package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;
import org.pgdump4j.testing.TestExtensions;

/**
 * Extensions (fixtures/extension.sql) against real pg_dump 18 on every major: CREATE EXTENSION, comments, member
 * relations left out but their changed privileges written, configuration tables' rows (filtered) and sequence, and
 * the filters that decide them (-n, -t, -N, -T, -e, --exclude-extension); psql 18 restores the dump.
 */
class ExtensionCompatIT {
    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    static final List<List<String>> OPTION_SETS = List.of(List.of(), List.of("-s"), List.of("-a"), List.of("-x"),
            List.of("--no-comments"), List.of("-n", "ext"), List.of("-n", "other"), List.of("-t", "ext.conf_all"),
            List.of("-t", "ext.mine"), List.of("-N", "ext"), List.of("-e", "hstore"), List.of("-e", "*"),
            List.of("-e", "p4j_conf", "-T", "ext.conf_user"), List.of("--exclude-extension", "p4j_conf"),
            List.of("--exclude-extension", "h*", "-c", "--if-exists"));

    static TestDb load(int major, String fixture) throws Exception {
        TestExtensions.install(PgServers.get(major));
        return FamilyCompat.load(major, fixture);
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = load(major, "extension.sql")) {
            for (List<String> args : FamilyCompat.optionSets(major, OPTION_SETS)) {
                FamilyCompat.assertSameEntries(db, args, "extension " + major + " " + args, dir);
            }
        }
    }

    /** The extension patterns' errors: pg_dump 18's message and exit code, through our CLI. */
    @Test
    void patternErrorsAsPgDump(@TempDir Path dir) throws Exception {
        try (TestDb db = load(18, "extension.sql")) {
            for (List<String> args : List.of(List.of("-e", "nosuch"), List.of("-e", "nosuch", "--strict-names"),
                    List.of("-e", "hstore", "-e", "nosuch", "--strict-names"), List.of("-e", "a.b"),
                    List.of("--exclude-extension", "a.b.c"), List.of("--exclude-extension", "nosuch", "-s"))) {
                List<String> theirArgs = new ArrayList<>(args);
                theirArgs.addAll(List.of("-f", dir.resolve("theirs.sql").toString(), db.name()));
                var theirs = ReferenceClients.run(
                        ReferenceClients.require(18, "pg_dump"), theirArgs, db.libpqEnvironment());
                List<String> ourArgs = new ArrayList<>(List.of("dump"));
                ourArgs.addAll(args);
                ourArgs.addAll(List.of("-f", dir.resolve("ours.sql").toString()));
                var ours = InProcessCli.run(db.libpqEnvironment(), ourArgs.toArray(String[]::new));
                assertEquals(theirs.exitCode(), ours.exitCode(), args + ": " + ours.stderr());
                assertEquals(errors(theirs.stderr()), errors(ours.stderr()),
                        args.toString());
            }
        }
    }

    /** stderr without libpq's warning about the harness's password file. */
    private static List<String> errors(String stderr) {
        return stderr.lines().filter(l -> !l.startsWith("WARNING: password file")).toList();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("org.pgdump4j.compat.FamilyCompat#roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        TestExtensions.install(PgServers.get(18));
        FamilyCompat.rolesOn18();
        try (TestDb db = load(major, "extension.sql")) {
            FamilyCompat.assertRoundTrip(db, dir);
        }
    }
}
