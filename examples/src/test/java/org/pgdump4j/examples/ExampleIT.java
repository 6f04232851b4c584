package org.pgdump4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/** The example programs, run as a user runs them, against the embedded server (the default major). */
class ExampleIT {
    private static final String SHOP = """
            CREATE SCHEMA app;
            CREATE TABLE app.item (id integer PRIMARY KEY, name text NOT NULL);
            CREATE TABLE app.log (at timestamptz, line text);
            INSERT INTO app.item VALUES (1, 'tea'), (2, 'scone'), (3, 'jam');
            CREATE INDEX item_name ON app.item (name);
            """;

    @Test
    void theMigrationToolDoesItsFourStepsAndLeavesThePoolAsItWas() throws Exception {
        try (TestDb source = PgServers.freshDb(PgServers.DEFAULT_MAJOR, "ex_src");
             TestDb target = PgServers.freshDb(PgServers.DEFAULT_MAJOR, "ex_dst");
             HikariDataSource from = MigrationTool.pool(source.jdbcUrl(), source.server().superuser(), null);
             HikariDataSource into = MigrationTool.pool(target.jdbcUrl(), target.server().superuser(), null)) {
            source.execute(SHOP);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            MigrationTool.migrate(from, into, new PrintStream(text, true, StandardCharsets.UTF_8));
            String out = text.toString(StandardCharsets.UTF_8);
            assertTrue(out.contains("schema-only dump: "), out);
            assertTrue(out.contains("  progress: reading schemas\n"), out);
            // dump and restore: totals first, then each table's rows and bytes, N of M
            assertTrue(out.matches("(?s).*\n  progress: 2 tables, about -?\\d+ bytes\n.*"), out);
            assertTrue(out.matches("(?s).*\n  progress: table [12] of 2, app.item: 3 rows, \\d+ bytes\n.*"), out);
            assertTrue(out.matches("(?s).*\n  progress: table [12] of 2, app.log: 0 rows, \\d+ bytes\n.*"), out);
            assertTrue(out.contains("archive of " + source.name() + ", format CUSTOM, "), out);
            assertTrue(out.matches("(?s).*\n  \\d+; TABLE app item \\(PRE_DATA\\)\n.*"), out);
            assertTrue(out.matches("(?s).*\n  \\d+; TABLE DATA app item \\(DATA\\)\n.*"), out);
            assertTrue(out.matches("(?s).*\n  \\d+; INDEX app item_name \\(POST_DATA\\)\n.*"), out);
            assertTrue(out.contains("restore: clean\n"), out);
            assertTrue(out.contains("pooled connection unchanged: search_path=app, public, row_security=on,"
                    + " extra_float_digits=1\n"), out);
            assertEquals("3", target.queryString("SELECT count(*) FROM app.item"));
        }
    }

    @Test
    void theReadmesCodeRuns(@TempDir Path dir) throws Exception {
        try (TestDb source = PgServers.freshDb(PgServers.DEFAULT_MAJOR, "readme_src");
             TestDb target = PgServers.freshDb(PgServers.DEFAULT_MAJOR, "readme_dst");
             HikariDataSource pool = MigrationTool.pool(source.jdbcUrl(), source.server().superuser(), null)) {
            source.execute(SHOP);
            String copy = "postgresql://" + target.server().superuser() + "@" + target.server().host() + ":"
                    + target.server().port() + "/" + target.name();
            String schema = ReadmeExample.run(pool, copy, dir);
            assertTrue(schema.contains("CREATE TABLE app.item ("), schema);
            assertEquals("3", target.queryString("SELECT count(*) FROM app.item"));
            assertTrue(Files.size(dir.resolve("shop.dump")) > 0);
        }
    }
}
