package org.pgdump4j.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/** Starts real servers: the default major on its own, and every major of {@code -Dpg.versions} through the harness. */
class EmbeddedPostgresIT {

    @Test
    void startsAnswersAndStopsDeletingTheCluster() throws Exception {
        long t0 = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.start(PgServers.DEFAULT_MAJOR);
        long startMillis = (System.nanoTime() - t0) / 1_000_000;
        Path work = pg.socketDir();
        try {
            System.out.printf("EmbeddedPostgres %s started in %d ms%n", pg, startMillis);
            assertEquals(PgServers.DEFAULT_MAJOR, pg.major());
            assertTrue(pg.version().startsWith(PgServers.DEFAULT_MAJOR + "."), pg.version());
            assertEquals("127.0.0.1", pg.host());
            assertEquals("postgres", pg.superuser());
            assertTrue(Files.exists(work.resolve(".s.PGSQL." + pg.port())), "unix socket in " + work);
            try (Connection c = pg.connect("postgres");
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT version(), current_setting('TimeZone'), "
                            + "current_setting('server_encoding'), current_setting('fsync')")) {
                rs.next();
                assertTrue(rs.getString(1).startsWith("PostgreSQL " + PgServers.DEFAULT_MAJOR), rs.getString(1));
                assertEquals("UTF8", rs.getString(3));
                assertEquals("off", rs.getString(4));
            }
        } finally {
            pg.stop();
        }
        assertFalse(pg.isRunning());
        assertFalse(Files.exists(work), "cluster folder deleted");
        pg.stop(); // idempotent
        assertThrows(SQLException.class, () -> DriverManager.getConnection(pg.jdbcUrl("postgres"), superuser()).close());
    }

    @Test
    void unsupportedMajorIsAClearError() {
        EmbeddedPostgresException e = assertThrows(EmbeddedPostgresException.class, () -> EmbeddedPostgres.start(9));
        assertTrue(e.getMessage().contains("major version 9") && e.getMessage().contains("18"), e.getMessage());
    }


    @ParameterizedTest
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void answersSelectVersion(int major) throws Exception {
        EmbeddedPostgres pg = PgServers.get(major);
        assertEquals(major, pg.major());
        assertTrue(pg.versionNum() / 10000 == major, () -> "server_version_num " + pg.versionNum());
        try (Connection c = pg.connect("postgres");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version()")) {
            rs.next();
            assertTrue(rs.getString(1).startsWith("PostgreSQL " + major + "."), rs.getString(1));
        }
    }

    @ParameterizedTest
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void freshDatabasesAreSeparateAndDroppedOnClose(int major) throws Exception {
        String first;
        try (TestDb a = PgServers.freshDb(major, "a"); TestDb b = PgServers.freshDb(major, "b")) {
            first = a.name();
            assertNotEquals(a.name(), b.name());
            a.execute("CREATE TABLE only_in_a(id int); INSERT INTO only_in_a VALUES (1), (2);");
            assertEquals("2", a.queryString("SELECT count(*) FROM only_in_a"));
            assertEquals(null, b.queryString("SELECT to_regclass('only_in_a')::text"));
            assertEquals("UTF8|C.UTF-8|C.UTF-8", b.queryString(
                    "SELECT pg_encoding_to_char(encoding) || '|' || datcollate || '|' || datctype "
                            + "FROM pg_database WHERE datname = current_database()"));
        }
        try (Connection c = PgServers.get(major).connect("postgres");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + first + "'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "database dropped on close");
        }
    }

    @ParameterizedTest
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void passwordRolesNeedTheirPasswordOverTcp(int major) throws Exception {
        TestDb db = PgServers.freshDb(major, "password");
        String alice = "alice_" + db.name(); // roles are cluster-wide: one of our own
        try {
            db.execute("CREATE ROLE " + alice + " LOGIN PASSWORD 'right-one'");
            try {
                assertTrue(db.queryString("SELECT rolpassword FROM pg_authid WHERE rolname = '" + alice + "'")
                        .startsWith("SCRAM-SHA-256$"), "password stored as SCRAM");
                SQLException wrong = assertThrows(SQLException.class,
                        () -> DriverManager.getConnection(db.jdbcUrl(), user(alice, "wrong")).close());
                assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
                SQLException none = assertThrows(SQLException.class,
                        () -> DriverManager.getConnection(db.jdbcUrl(), user(alice, null)).close());
                assertTrue(none.getMessage().contains("password"), none.getMessage());
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(), user(alice, "right-one"));
                        Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT current_user")) {
                    rs.next();
                    assertEquals(alice, rs.getString(1));
                }
            } finally {
                try (Connection c = db.server().connect("postgres"); Statement st = c.createStatement()) {
                    st.execute("DROP ROLE " + alice);
                }
            }
        } finally {
            db.close();
        }
    }

    private static Properties superuser() {
        return user("postgres", null);
    }

    private static Properties user(String name, String password) {
        Properties p = new Properties();
        p.setProperty("user", name);
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }
}
