package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * pg_restore --no-data-for-failed-tables into a database where one table already exists (its CREATE fails): like
 * real pg_restore 18, ours skips that table's data and loads the others, with the same messages (-v names the
 * table), exit status and rows; serial and -j 2; without the option both load the rows into the existing table.
 */
class NoDataForFailedTablesCompatIT {
    private static final String SOURCE = """
            CREATE TABLE t (id int PRIMARY KEY, v text);
            INSERT INTO t VALUES (1, 'a'), (2, 'b');
            CREATE TABLE u (id int);
            INSERT INTO u VALUES (1), (2);
            """;
    private static final String TARGET = """
            CREATE TABLE u (id int, note text);
            INSERT INTO u VALUES (9, 'already here');
            """;

    static Stream<Integer> majors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void skipsTheDataOfTablesItCouldNotCreate(int major, @TempDir Path dir) throws Exception {
        try (TestDb source = PgServers.freshDb(major, "nodatasrc")) {
            source.execute(SOURCE);
            Path archive = dir.resolve("src.dump");
            ReferenceClients.run(ReferenceClients.require(18, "pg_dump"),
                    List.of("-Fc", "-f", archive.toString()), source.libpqEnvironment()).requireSuccess();
            Map<String, String> without = null;
            for (List<String> options : List.of(List.<String>of(), List.of("--no-data-for-failed-tables"),
                    List.of("--no-data-for-failed-tables", "-v"), List.of("--no-data-for-failed-tables", "-j", "2"))) {
                try (TestDb theirDb = PgServers.freshDb(major, "nodatatheirs");
                     TestDb ourDb = PgServers.freshDb(major, "nodataours")) {
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
                    if (options.contains("-j")) {
                        String[] t = theirs.stderr().strip().split("\n");
                        String[] o = ours.stderr().strip().split("\n");
                        assertEquals(t[t.length - 1], o[o.length - 1], "server " + major + " -j");
                    } else {
                        assertEquals(theirs.stderr(), ours.stderr(), "stderr, server " + major + " " + options);
                    }
                    assertEquals(theirs.exitCode(), ours.exitCode(), "exit status " + options);
                    Map<String, String> rows = InteropTools.state(ourDb);
                    assertEquals(InteropTools.state(theirDb), rows, "rows " + options);
                    if (options.isEmpty()) {
                        without = rows;
                    } else {
                        assertNotEquals(without, rows, "the option must change what is loaded");
                    }
                }
            }
        }
    }
}
