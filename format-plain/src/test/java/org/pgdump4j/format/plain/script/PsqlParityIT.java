package org.pgdump4j.format.plain.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * Scripts psql accepts that pg_dump does not write: real psql 18 and the runner each run the same script into a
 * fresh database, and what the script did (a log table it writes in order, the COPY target) and the number of
 * failed statements must be the same.
 */
class PsqlParityIT {
    private static final String SETUP = "CREATE TABLE log (n serial, v text);\nCREATE TABLE t (a int, b text);\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        // a UTF-8 byte-order mark at the start is skipped; one later on is text (a syntax error in both)
        "\uFEFF" + SETUP + "INSERT INTO log (v) VALUES ('after the mark');\n\uFEFFINSERT INTO log (v) VALUES ('x');\n"
                + "INSERT INTO log (v) VALUES ('last');\n",
        "\uFEFF\\echo marked\n" + SETUP + "INSERT INTO log (v) VALUES ('after a meta-command');\n",
        // the rest of the COPY line runs after the data, which starts on the next line
        SETUP + "COPY t FROM stdin; INSERT INTO log (v) SELECT 'rows: ' || count(*) FROM t;\n1\tx\n2\ty\n\\.\n"
                + "INSERT INTO log (v) VALUES ('next');\n",
        // a statement begun there takes the lines after the data
        SETUP + "COPY t FROM stdin; INSERT INTO log (v) SELECT 'rows: '\n3\tz\n\\.\n|| count(*) FROM t;\n",
        // two COPYs on one line take the two blocks in turn; a comment after them is nothing
        SETUP + "COPY t FROM stdin; COPY log (v) FROM stdin; -- both\n4\ta\n\\.\nsecond\n\\.\n"
                + "INSERT INTO log (v) SELECT string_agg(a || b, ',') FROM t;\n",
        // at the end of the script, with no data line at all
        SETUP + "INSERT INTO log (v) VALUES ('first');\nCOPY t FROM stdin; INSERT INTO log (v) VALUES ('rest');",
    })
    void runsLikePsql18(String script) throws Exception {
        Path file = dir.resolve("script.sql");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Path psql = ReferenceClients.require(18, "psql");
        try (TestDb byPsql = PgServers.freshDb(18); TestDb byUs = PgServers.freshDb(18)) {
            ReferenceClients.Result real = ReferenceClients.run(psql, List.of("-X", "-q", "-f", file.toString()),
                    byPsql.libpqEnvironment()).requireSuccess();
            long psqlErrors = real.stderr().lines().filter(l -> l.contains("ERROR:")).count();

            ScriptRunner runner = new ScriptRunner(new ServerConnectionSource(byUs.jdbcUrl(), byUs.name(),
                    byUs.server().superuser()), RunnerOptions.defaults(), ProgressListener.NONE);
            RunResult ours = runner.run(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));

            assertEquals(state(byPsql), state(byUs), real.stderr());
            assertEquals(psqlErrors, ours.errors(), real.stderr());
        }
    }

    private static String state(TestDb db) throws SQLException {
        return db.queryString("SELECT string_agg(v, ' | ' ORDER BY n) FROM log") + " / "
                + db.queryString("SELECT string_agg(a || ':' || b, ' | ' ORDER BY a) FROM t");
    }
}
