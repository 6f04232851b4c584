package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/** {@code restore -d} of the real archives into a fresh database on an embedded PostgreSQL 18. */
class RestoreDatabaseIT {
    private static Cli.Run restore(TestDb db, InputStream stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("restore", "-d", db.name()));
        all.addAll(List.of(args));
        Map<String, String> env = new java.util.HashMap<>(db.libpqEnvironment());
        env.remove("PGDATABASE");
        return Cli.run(Cli.context(env, stdin), all.toArray(String[]::new));
    }

    private static Cli.Run restore(TestDb db, String... args) {
        return restore(db, new ByteArrayInputStream(new byte[0]), args);
    }

    private static void assertRestored(TestDb db) throws SQLException {
        assertEquals("4", db.queryString("select count(*) from shop.customer"));
        assertEquals("3", db.queryString("select count(*) from shop.orders"));
        assertEquals("Chloé", db.queryString("select name from shop.customer where id = 3"));
        assertEquals("4", db.queryString("select count(*) from pg_largeobject_metadata"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg18_custom_none.dump", "pg18_custom_zstd.dump", "pg18_dir_gzip", "pg18_tar.tar",
            "pg15_custom_gzip.dump"})
    void restoresWithoutOwnersAndPrivileges(String archive) throws SQLException {
        try (TestDb db = PgServers.freshDb(18)) {
            Cli.Run run = restore(db, "-O", "-x", Fixtures.path(archive).toString());
            assertEquals("", run.err());
            assertEquals(0, run.exitCode());
            assertRestored(db);
        }
    }

    @Test
    void fromStandardInputInOneTransaction() throws SQLException, IOException {
        try (TestDb db = PgServers.freshDb(18)) {
            byte[] bytes = Files.readAllBytes(Fixtures.path("pg18_custom_gzip.dump"));
            Cli.Run run = restore(db, new ByteArrayInputStream(bytes), "-1", "-O", "-x");
            assertEquals("", run.err());
            assertEquals(0, run.exitCode());
            assertRestored(db);
        }
    }

    @Test
    void ignoredErrorsAreCountedAndExitWithOne() throws SQLException {
        try (TestDb db = PgServers.freshDb(18)) {
            // the archive's owner roles do not exist here: every ALTER ... OWNER and GRANT fails and is skipped
            Cli.Run run = restore(db, Fixtures.path("pg18_custom_none.dump").toString());
            assertEquals(1, run.exitCode());
            List<String> lines = run.errLines();
            assertTrue(lines.get(0).startsWith("pg_restore: error: could not execute query: ERROR:  role \"fx_"),
                    run.err());
            assertTrue(lines.get(lines.size() - 1).matches("pg_restore: warning: errors ignored on restore: \\d+"),
                    run.err());
            assertRestored(db);
        }
    }

    @Test
    void exitOnErrorStopsAtTheFirst() throws SQLException {
        try (TestDb db = PgServers.freshDb(18)) {
            Cli.Run run = restore(db, "-e", Fixtures.path("pg18_custom_none.dump").toString());
            assertEquals(1, run.exitCode());
            assertTrue(run.err().startsWith("pg_restore: error: could not execute query: ERROR:  role \"fx_"),
                    run.err());
            assertTrue(!run.err().contains("errors ignored"), run.err());
        }
    }

    @Test
    void selectionAndSectionReachTheDatabase() throws SQLException {
        try (TestDb db = PgServers.freshDb(18)) {
            db.execute("create schema shop"); // -t restores the table alone, as pg_restore does
            Cli.Run run = restore(db, "-O", "-x", "-n", "shop", "-t", "customer", "--section=pre-data",
                    "--section=data", Fixtures.path("pg18_custom_none.dump").toString());
            assertEquals("", run.err());
            assertEquals(0, run.exitCode());
            assertEquals("4", db.queryString("select count(*) from shop.customer"));
            assertEquals("0", db.queryString("select count(*) from pg_tables where tablename = 'orders'"));
        }
    }
}
