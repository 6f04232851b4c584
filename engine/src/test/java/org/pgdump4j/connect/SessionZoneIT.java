package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * PgConnector's sessions get the time zone a libpq session would have, on every server 10..18, whatever the JVM's
 * zone (which PgJDBC sends): PGTZ, then options, then the role-in-database, role and database settings, then the
 * configuration file (superuser), else log_timezone with a warning.
 */
class SessionZoneIT {
    private static final String PASSWORD = "zone pw";

    @TempDir
    Path home;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sessionsGetLibpqsZone(int major) throws Exception {
        // the zones below must differ from the JVM's, or a session left in the JVM's zone would pass: a JVM in one
        // of them fails the test rather than skipping it
        assertFalse(Set.of("America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Asia/Tokyo", "Europe/Paris")
                .contains(TimeZone.getDefault().getID()),
                "run the tests in a zone other than " + TimeZone.getDefault().getID());
        String role = "zone_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        String plain = role + "_plain";
        try (TestDb db = PgServers.freshDb(major, "sessionzone"); TestDb other = PgServers.freshDb(major, "zoneother")) {
            db.execute("ALTER DATABASE " + db.name() + " SET timezone = 'America/New_York';"
                    + "CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD + "';"
                    + "CREATE ROLE " + plain + " LOGIN PASSWORD '" + PASSWORD + "';"
                    + "ALTER ROLE " + role + " SET timezone = 'Asia/Kolkata';"
                    + "ALTER ROLE " + role + " IN DATABASE " + db.name() + " SET timezone = 'Pacific/Chatham'");
            try {
                String superuser = db.server().superuser();
                String logZone = db.queryString("SELECT current_setting('log_timezone')");

                assertEquals("America/New_York", zone(db, db.name(), superuser, Map.of()), "database setting");
                assertEquals("Pacific/Chatham", zone(db, db.name(), role, Map.of()), "role in database");
                assertEquals("Asia/Kolkata", zone(db, other.name(), role, Map.of()), "role");
                assertEquals("America/New_York", zone(db, db.name(), plain, Map.of()), "database, other role");
                assertEquals("Asia/Tokyo", zone(db, db.name(), role, Map.of("PGTZ", "Asia/Tokyo")), "PGTZ");
                assertEquals("America/New_York", zone(db, db.name(), superuser, Map.of("PGTZ", "Default")),
                        "PGTZ=default");
                assertEquals("Europe/Paris", zone(db, db.name(), role,
                        Map.of("PGOPTIONS", "-c timezone=Europe/Paris")), "options");
                assertEquals("Asia/Tokyo", zone(db, db.name(), role,
                        Map.of("PGOPTIONS", "-c timezone=Europe/Paris", "PGTZ", "Asia/Tokyo")), "PGTZ over options");
                // initdb writes timezone and log_timezone alike: the configuration file's value
                assertEquals(logZone, zone(db, other.name(), superuser, Map.of()), "configuration file");
                try (Connection c = connector(db, other.name(), superuser, Map.of()).open();
                     Statement st = c.createStatement()) {
                    // the test servers start with -c listen_addresses=..., and no time zone
                    String opts = SessionZone.postmasterOpts(st);
                    assertTrue(opts != null && opts.contains(" \"-c\" \"listen_addresses="), opts);
                    assertEquals(Optional.empty(), SessionZone.fromCommandLine(opts));
                    assertEquals(Optional.of("Asia/Tokyo"),
                            SessionZone.fromCommandLine(opts.strip() + " \"-c\" \"timezone=Asia/Tokyo\"\n"));
                }

                List<String> warnings = new ArrayList<>();
                PgConnector connector = connector(db, other.name(), plain, Map.of());
                connector.onZoneWarning(warnings::add);
                for (int i = 0; i < 2; i++) {
                    try (Connection c = connector.open()) {
                        assertEquals(logZone, show(c), "unreadable configuration file");
                    }
                }
                assertEquals(1, warnings.size(), warnings.toString());
                assertTrue(warnings.get(0).startsWith("could not read the server's configured time zone"
                        + " (pg_file_settings is readable by superusers only); timestamptz values are written in its"
                        + " log_timezone \"" + logZone + "\""), warnings.get(0));

                ConnectionException bad = assertThrows(ConnectionException.class,
                        () -> connector(db, db.name(), role, Map.of("PGTZ", "Foo/Bar")).open().close());
                assertTrue(bad.getMessage().endsWith(" failed: FATAL:  invalid value for parameter \"TimeZone\":"
                        + " \"Foo/Bar\""), bad.getMessage());
            } finally {
                db.execute("DROP ROLE " + role + "; DROP ROLE " + plain);
            }
        }
    }

    private PgConnector connector(TestDb db, String dbname, String user, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(db.server().libpqEnvironment(dbname));
        env.put("PGUSER", user);
        env.put("PGPASSWORD", PASSWORD);
        env.putAll(extra);
        return PgConnector.fromArgs(ConnArgs.pgDump(null, null, null, null, PasswordMode.NEVER), env, home,
                prompt -> null);
    }

    private String zone(TestDb db, String dbname, String user, Map<String, String> extra) throws SQLException {
        try (Connection c = connector(db, dbname, user, extra).open()) {
            return show(c);
        }
    }

    private static String show(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW TimeZone")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
