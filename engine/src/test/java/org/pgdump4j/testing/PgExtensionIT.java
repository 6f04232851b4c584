package org.pgdump4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pgdump4j.embedded.EmbeddedPostgres;

@ExtendWith(PgExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PgExtensionIT {
    private static String previousDb;

    @Test
    @Order(1)
    void resolvesAFreshDatabaseOfTheDefaultMajor(TestDb db, EmbeddedPostgres server) throws Exception {
        assertSame(PgServers.get(), server);
        assertSame(server, db.server());
        assertEquals(PgServers.DEFAULT_MAJOR, db.major());
        assertTrue(db.name().endsWith("_resolvesafreshdatabaseofthedefaultmajor"), db.name());
        assertEquals(db.name(), db.queryString("SELECT current_database()"));
        assertEquals("0", db.queryString("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"));
        db.execute("""
                CREATE TABLE t(id int);
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;
                DO $$ BEGIN INSERT INTO t VALUES (f()); END $$;
                """);
        assertEquals("1", db.queryString("SELECT id FROM t"));
        previousDb = db.name();
    }

    @Test
    @Order(2)
    void dropsTheDatabaseAfterTheTest(TestDb db) throws Exception {
        assertNotNull(previousDb);
        assertNotEquals(previousDb, db.name());
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            ps.setString(1, previousDb);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "database of the previous test dropped");
            }
        }
    }

    @Test
    @Order(3)
    void givesEachParameterItsOwnDatabase(TestDb a, TestDb b) {
        assertNotEquals(a.name(), b.name());
    }

    @Test
    @Order(4)
    void honoursPgMajor(@PgMajor(PgServers.DEFAULT_MAJOR) TestDb db) throws Exception {
        // the default major keeps this test cheap; another major works the same way
        assertEquals(Integer.toString(PgServers.DEFAULT_MAJOR),
                db.queryString("SELECT current_setting('server_version_num')::int / 10000"));
    }
}
