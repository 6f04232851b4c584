package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * A restore that meets errors tells the user what real pg_restore 18 tells them, line for line: libpq's text of
 * each server error (the LINE display with its caret, DETAIL, HINT, CONTEXT), "Command was:", and under -v the
 * stage and the TOC entry each error came from; the same count of ignored errors and the same exit status.
 */
class RestoreErrorsCompatIT {
    /** The source: what pg_dump 18 writes into the archive both tools restore. */
    private static final String SOURCE = """
            CREATE TABLE t (id int PRIMARY KEY, v text);
            INSERT INTO t VALUES (1, 'a'), (2, 'b');
            CREATE INDEX t_v ON t (v);
            CREATE VIEW v AS SELECT id, v FROM t WHERE v <> 'x';
            CREATE TABLE u (id int PRIMARY KEY, n numeric CHECK (n > 0));
            INSERT INTO u VALUES (1, 1), (2, 2);
            CREATE TABLE w (id int, d date);
            INSERT INTO w VALUES (1, '2026-01-01');
            COMMENT ON TABLE t IS 'the t';
            """;

    /**
     * The target, prepared so that every kind of failure comes up: objects that already exist, a table whose
     * columns differ (COPY and a view fail), duplicate keys (DETAIL and CONTEXT), a type mismatch in the data.
     */
    private static final String TARGET = """
            CREATE TABLE t (id int PRIMARY KEY, w text);
            CREATE TABLE u (id int PRIMARY KEY, n numeric);
            INSERT INTO u VALUES (1, 5);
            CREATE TABLE w (id int, d int);
            """;

    static Stream<Integer> majors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameMessagesAsPgRestore18(int major, @TempDir Path dir) throws Exception {
        try (TestDb source = PgServers.freshDb(major, "errsrc")) {
            source.execute(SOURCE);
            Path archive = dir.resolve("src.dump");
            ReferenceClients.run(ReferenceClients.require(18, "pg_dump"),
                    List.of("-Fc", "-f", archive.toString()), source.libpqEnvironment()).requireSuccess();
            for (List<String> options : List.of(List.<String>of(), List.of("-v"), List.of("-e"), List.of("-e", "-v"),
                    List.of("-1", "-v"), List.of("-c", "-v"), List.of("-j", "2"))) {
                try (TestDb theirDb = PgServers.freshDb(major, "errtheirs");
                     TestDb ourDb = PgServers.freshDb(major, "errours")) {
                    theirDb.execute(TARGET);
                    ourDb.execute(TARGET);
                    List<String> args = new ArrayList<>(options);
                    args.addAll(List.of("-d", theirDb.name(), archive.toString()));
                    var theirs = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), args,
                            theirDb.libpqEnvironment());
                    args.set(args.size() - 2, ourDb.name());
                    List<String> cli = new ArrayList<>(List.of("restore"));
                    cli.addAll(args);
                    var ours = InProcessCli.run(ourDb.libpqEnvironment(), cli.toArray(String[]::new));
                    assertTrue(theirs.stderr().contains("error:"), "the fixture must make pg_restore fail");
                    boolean parallel = options.contains("-j");
                    // workers' messages interleave as they happen to run: compared as a set of messages
                    assertEquals(parallel ? messages(theirs.stderr()) : List.of(theirs.stderr()),
                            parallel ? messages(ours.stderr()) : List.of(ours.stderr()),
                            "stderr, server " + major + " " + options);
                    assertEquals(theirs.exitCode(), ours.exitCode(), "exit status " + options);
                }
            }
        }
    }

    /** stderr cut into its messages (each starts a line with the program's name or libpq's WARNING), sorted. */
    private static List<String> messages(String stderr) {
        List<String> out = new ArrayList<>();
        for (String line : stderr.split("\n", -1)) {
            if (out.isEmpty() || line.startsWith("pg_restore: ") || line.startsWith("WARNING: ")) {
                out.add(line);
            } else {
                out.set(out.size() - 1, out.get(out.size() - 1) + "\n" + line);
            }
        }
        out.sort(null);
        return out;
    }
}
