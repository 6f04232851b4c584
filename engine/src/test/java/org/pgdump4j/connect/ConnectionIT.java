package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.embedded.EmbeddedPostgres;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * Every way of connecting against a real server: trust for {@code postgres} (TCP and socket), scram-sha-256 for other
 * roles over TCP.
 */
@ExtendWith(PgExtension.class)
class ConnectionIT {
    private static final String ROLE = "connect_test_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
    private static final String ROLE_PASSWORD = "r0le pass:word\\";

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    private final List<String> prompts = new ArrayList<>();
    private @Nullable String promptAnswer;

    @BeforeAll
    static void createRole() throws SQLException {
        try (Connection c = PgServers.get().connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE_PASSWORD.replace("'", "''") + "'");
        }
    }

    @AfterAll
    static void dropRole() throws SQLException {
        try (Connection c = PgServers.get().connect("postgres"); Statement st = c.createStatement()) {
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + ROLE + "'");
            st.execute("DROP ROLE IF EXISTS " + ROLE);
        }
    }

    private PgConnector connector(ConnArgs args) {
        return PgConnector.fromArgs(args, env, home, prompt -> {
            prompts.add(prompt);
            return promptAnswer;
        });
    }

    private static ConnArgs dump(@Nullable String dbname, @Nullable String host, @Nullable String port,
                                 @Nullable String user) {
        return ConnArgs.pgDump(dbname, host, port, user, PasswordMode.DEFAULT);
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    /** current_database, current_user, application_name, and whether it came over TCP. */
    private static String whoAmI(Connection c) throws SQLException {
        return query(c, "SELECT current_database() || '|' || current_user || '|' || current_setting('application_name')"
                + " || '|' || (inet_server_addr() IS NOT NULL)");
    }

    private static String port(EmbeddedPostgres server) {
        return Integer.toString(server.port());
    }

    private ConnectionException failure(ConnArgs args) {
        return assertThrows(ConnectionException.class, () -> connector(args).open().close());
    }

    private Path writePrivate(String name, String text, String perms) throws IOException {
        Path file = home.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        return file;
    }

    @Test
    void positionalDbnameWithHostPortUser(TestDb db) throws SQLException {
        EmbeddedPostgres server = db.server();
        PgConnector connector = connector(dump(db.name(), server.host(), port(server), server.superuser()));
        assertEquals(db.name(), connector.dbname());
        try (Connection c = connector.open()) {
            assertEquals(db.name() + "|postgres|pg_dump|true", whoAmI(c));
        }
        assertEquals(List.of(), prompts);
    }

    @Test
    void connInfoStringOverridesOptions(TestDb db) throws SQLException {
        EmbeddedPostgres server = db.server();
        String conninfo = "host=" + server.host() + " port=" + server.port() + " dbname='" + db.name() + "'"
                + " user=postgres application_name='my app'";
        try (Connection c = connector(dump(conninfo, "unreachable.invalid", "1", "nobody")).open()) {
            assertEquals(db.name() + "|postgres|my app|true", whoAmI(c));
        }
    }

    @Test
    void uri(TestDb db) throws SQLException {
        EmbeddedPostgres server = db.server();
        String uri = "postgresql://postgres@" + server.host() + ":" + server.port() + "/" + db.name()
                + "?application_name=uri%20app&connect_timeout=10";
        try (Connection c = connector(dump(uri, null, null, null)).open()) {
            assertEquals(db.name() + "|postgres|uri app|true", whoAmI(c));
        }
    }

    @Test
    void environmentVariables(TestDb db) throws SQLException {
        env.putAll(db.libpqEnvironment());
        env.put("PGAPPNAME", "from env");
        env.put("PGOPTIONS", "-c work_mem=1234kB");
        try (Connection c = connector(dump(null, null, null, null)).open()) {
            assertEquals(db.name() + "|postgres|from env|true", whoAmI(c));
            assertEquals("1234kB", query(c, "SHOW work_mem"));
        }
    }

    @Test
    void serviceFile(TestDb db) throws Exception {
        EmbeddedPostgres server = db.server();
        Files.writeString(home.resolve(".pg_service.conf"), "# test service\n[svc]\nhost=" + server.host()
                + "\nport=" + server.port() + "\nuser=postgres\ndbname=" + db.name() + "\n");
        try (Connection c = connector(dump("service=svc", null, null, null)).open()) {
            assertEquals(db.name() + "|postgres|pg_dump|true", whoAmI(c));
        }
        env.put("PGSERVICE", "svc");
        try (Connection c = connector(dump(null, null, null, null)).open()) {
            assertEquals(db.name() + "|postgres|pg_dump|true", whoAmI(c));
        }
        env.put("PGSERVICE", "nope");
        assertEquals("definition of service \"nope\" not found", failure(dump(null, null, null, null)).getMessage());
    }

    @Test
    void passwordFileWithPrivateModeIsUsed(TestDb db) throws Exception {
        EmbeddedPostgres server = db.server();
        Path passfile = writePrivate("pgpass", "# for the test\n" + server.host() + ":" + server.port() + ":*:" + ROLE
                + ":" + ROLE_PASSWORD.replace("\\", "\\\\").replace(":", "\\:") + "\n", "rw-------");
        env.put("PGPASSFILE", passfile.toString());
        PgConnector connector = connector(dump(db.name(), server.host(), port(server), ROLE));
        assertEquals(List.of(), connector.warnings());
        try (Connection c = connector.open()) {
            assertEquals(db.name() + "|" + ROLE + "|pg_dump|true", whoAmI(c));
        }
        // other databases are looked up again in the file, with the same parameters
        try (Connection c = connector.open("postgres")) {
            assertEquals("postgres|" + ROLE + "|pg_dump|true", whoAmI(c));
        }
        assertEquals(List.of(), prompts);
    }

    @Test
    void passwordFileReadableByOthersIsIgnoredWithAWarning(TestDb db) throws Exception {
        EmbeddedPostgres server = db.server();
        Path passfile = writePrivate("pgpass", "*:*:*:*:" + ROLE_PASSWORD.replace("\\", "\\\\").replace(":", "\\:")
                + "\n", "rw-r--r--");
        env.put("PGPASSFILE", passfile.toString());
        ConnArgs args = ConnArgs.pgDump(db.name(), server.host(), port(server), ROLE, PasswordMode.NEVER);
        PgConnector connector = connector(args);
        assertEquals(List.of("WARNING: password file \"" + passfile + "\" has group or world access; "
                + "permissions should be u=rw (0600) or less"), connector.warnings());
        ConnectionException e = assertThrows(ConnectionException.class, () -> connector.open().close());
        assertEquals("connection to server at \"" + server.host() + "\", port " + server.port()
                + " failed: fe_sendauth: no password supplied", e.getMessage());
        assertEquals(List.of(), prompts);
    }

    @Test
    void unixSocketDirectoryAsHost(TestDb db) throws SQLException {
        EmbeddedPostgres server = db.server();
        try (Connection c = connector(dump(db.name(), server.socketDir().toString(), port(server), "postgres")).open()) {
            assertEquals(db.name() + "|postgres|pg_dump|false", whoAmI(c));
            // long results and notices travel fine through the socket
            assertEquals("100000", query(c, "SELECT length(repeat('x', 100000))"));
            c.setNetworkTimeout(Runnable::run, 5000);
            assertEquals("1", query(c, "SELECT 1"));
        }
        env.put("PGHOST", server.socketDir().toString());
        env.put("PGPORT", port(server));
        try (Connection c = connector(dump("postgresql:///" + db.name() + "?user=postgres", null, null, null)).open()) {
            assertEquals(db.name() + "|postgres|pg_dump|false", whoAmI(c));
        }
    }

    @Test
    void wrongSocketDirectoryIsLibpqsError(TestDb db) {
        EmbeddedPostgres server = db.server();
        String dir = home.toString();
        ConnectionException e = failure(dump(db.name(), dir, port(server), "postgres"));
        assertEquals("connection to server on socket \"" + dir + "/.s.PGSQL." + server.port()
                + "\" failed: No such file or directory\n"
                + "\tIs the server running locally and accepting connections on that socket?", e.getMessage());
    }

    @Test
    void requirepeerChecksTheServerUserOnSockets(TestDb db) {
        EmbeddedPostgres server = db.server();
        String conninfo = "host=" + server.socketDir() + " port=" + server.port() + " dbname=" + db.name()
                + " user=postgres requirepeer=not_the_server_user";
        ConnectionException e = failure(dump(conninfo, null, null, null));
        assertTrue(e.getMessage().contains("failed: requirepeer specifies \"not_the_server_user\", but actual peer"
                + " user name is \""), e.getMessage());
    }

    @Test
    void wrongPasswordIsAOneLineErrorWithoutThePassword(TestDb db) {
        EmbeddedPostgres server = db.server();
        env.put("PGPASSWORD", "Wr0ngS3cret");
        ConnectionException e = failure(dump(db.name(), server.host(), port(server), ROLE));
        assertEquals("connection to server at \"" + server.host() + "\", port " + server.port()
                + " failed: FATAL:  password authentication failed for user \"" + ROLE + "\"", e.getMessage());
        assertNotNull(e.getCause());
        assertFalse(String.valueOf(e).contains("Wr0ngS3cret"));
        assertEquals(List.of(), prompts, "a wrong password is not a missing one");
    }

    @Test
    void wrongPasswordFromTheFileNamesTheFile(TestDb db) throws IOException {
        EmbeddedPostgres server = db.server();
        Path passfile = writePrivate("pgpass", "*:*:*:*:wrong\n", "rw-------");
        env.put("PGPASSFILE", passfile.toString());
        ConnectionException e = failure(dump(db.name(), server.host(), port(server), ROLE));
        assertEquals("connection to server at \"" + server.host() + "\", port " + server.port()
                + " failed: FATAL:  password authentication failed for user \"" + ROLE + "\"; password retrieved from"
                + " file \"" + passfile + "\"", e.getMessage());
    }

    @Test
    void unknownDatabaseIsAOneLineError(TestDb db) {
        EmbeddedPostgres server = db.server();
        ConnectionException e = failure(dump("nope_no_such_db", server.host(), port(server), "postgres"));
        assertEquals("connection to server at \"" + server.host() + "\", port " + server.port()
                + " failed: FATAL:  database \"nope_no_such_db\" does not exist", e.getMessage());
    }

    @Test
    void unreachablePortIsAOneLineError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConnectionException e = failure(dump("postgres", "127.0.0.1", Integer.toString(port), "postgres"));
        assertEquals("connection to server at \"127.0.0.1\", port " + port + " failed: Connection refused"
                + "\n\tIs the server running on that host and accepting TCP/IP connections?", e.getMessage());
    }

    @Test
    void unknownHostIsAOneLineError() {
        ConnectionException e = failure(dump("postgres", "no-such-host.invalid", "5432", "postgres"));
        assertTrue(e.getMessage().startsWith("could not translate host name \"no-such-host.invalid\" to address: "),
                e.getMessage());
    }

    @Test
    void promptsOnceWhenTheServerAsksAndRemembersTheAnswer(TestDb db) throws SQLException {
        EmbeddedPostgres server = db.server();
        promptAnswer = ROLE_PASSWORD;
        PgConnector connector = connector(dump(db.name(), server.host(), port(server), ROLE));
        try (Connection c = connector.open(); Connection d = connector.open("postgres")) {
            assertEquals(db.name() + "|" + ROLE + "|pg_dump|true", whoAmI(c));
            assertEquals("postgres|" + ROLE + "|pg_dump|true", whoAmI(d));
        }
        assertEquals(List.of("Password: "), prompts);
    }

    @Test
    void noPromptWhenTheServerTrustsUs(TestDb db) throws SQLException {
        EmbeddedPostgres server = db.server();
        promptAnswer = "unused";
        try (Connection c = connector(dump(db.name(), server.host(), port(server), "postgres")).open()) {
            assertEquals(db.name() + "|postgres|pg_dump|true", whoAmI(c));
        }
        assertEquals(List.of(), prompts);
    }

    @Test
    void dashCapitalWPromptsBeforeConnecting(TestDb db) throws SQLException {
        EmbeddedPostgres server = db.server();
        promptAnswer = ROLE_PASSWORD;
        PgConnector connector = connector(ConnArgs.pgDump(db.name(), server.host(), port(server), ROLE,
                PasswordMode.PROMPT));
        try (Connection c = connector.open(); Connection d = connector.open()) {
            assertEquals(db.name() + "|" + ROLE + "|pg_dump|true", whoAmI(c));
            assertEquals(db.name() + "|" + ROLE + "|pg_dump|true", whoAmI(d));
        }
        assertEquals(List.of("Password: "), prompts);
    }

    /** The prompted password is the one sent; libpq then neither reads nor warns about an insecure password file. */
    @Test
    void dashCapitalWLeavesThePasswordFileAlone(TestDb db) throws Exception {
        EmbeddedPostgres server = db.server();
        env.put("PGPASSFILE", writePrivate("pgpass", "*:*:*:*:wrong\n", "rw-r--r--").toString());
        promptAnswer = ROLE_PASSWORD;
        PgConnector connector = connector(ConnArgs.pgDump(db.name(), server.host(), port(server), ROLE,
                PasswordMode.PROMPT));
        assertEquals(List.of(), connector.warnings());
        try (Connection c = connector.open()) {
            assertEquals(db.name() + "|" + ROLE + "|pg_dump|true", whoAmI(c));
        }
        assertEquals(List.of("Password: "), prompts);
    }

    @Test
    void dashLowercaseWNeverPrompts(TestDb db) {
        EmbeddedPostgres server = db.server();
        promptAnswer = ROLE_PASSWORD;
        ConnectionException e = failure(ConnArgs.pgDump(db.name(), server.host(), port(server), ROLE,
                PasswordMode.NEVER));
        assertTrue(e.getMessage().endsWith("failed: fe_sendauth: no password supplied"), e.getMessage());
        assertEquals(List.of(), prompts);
    }

    @Test
    void missingAnswerToThePromptIsTheNoPasswordError(TestDb db) {
        EmbeddedPostgres server = db.server();
        promptAnswer = null;
        ConnectionException e = failure(dump(db.name(), server.host(), port(server), ROLE));
        assertTrue(e.getMessage().endsWith("failed: fe_sendauth: no password supplied"), e.getMessage());
        assertEquals(List.of("Password: "), prompts);
    }

    @Test
    void multipleHostsAreTriedInOrder(TestDb db) throws Exception {
        EmbeddedPostgres server = db.server();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String conninfo = "host=127.0.0.1," + server.socketDir() + " port=" + closed + "," + server.port()
                + " dbname=" + db.name() + " user=postgres";
        try (Connection c = connector(dump(conninfo, null, null, null)).open()) {
            assertEquals(db.name() + "|postgres|pg_dump|false", whoAmI(c));
        }
        String bothBad = "postgresql://127.0.0.1:" + closed + ",127.0.0.1:" + closed + "/" + db.name();
        ConnectionException e = failure(dump(bothBad, null, null, "postgres"));
        String one = "connection to server at \"127.0.0.1\", port " + closed + " failed: Connection refused"
                + "\n\tIs the server running on that host and accepting TCP/IP connections?";
        assertEquals(one + "\n" + one, e.getMessage());
    }

    @Test
    void targetSessionAttrsAreCheckedLikeLibpq(TestDb db) throws Exception {
        EmbeddedPostgres server = db.server();
        String base = "host=" + server.host() + " port=" + server.port() + " dbname=" + db.name() + " user=postgres ";
        try (Connection c = connector(dump(base + "target_session_attrs=read-write", null, null, null)).open()) {
            assertEquals("off", query(c, "SHOW transaction_read_only"));
        }
        try (Connection c = connector(dump(base + "target_session_attrs=primary", null, null, null)).open()) {
            assertEquals("f", query(c, "SELECT pg_is_in_recovery()"));
        }
        try (Connection c = connector(dump(base + "target_session_attrs=prefer-standby", null, null, null)).open()) {
            assertEquals("f", query(c, "SELECT pg_is_in_recovery()"));
        }
        ConnectionException e = failure(dump(base + "target_session_attrs=read-only", null, null, null));
        assertEquals("connection to server at \"" + server.host() + "\", port " + server.port()
                + " failed: session is not read-only", e.getMessage());
        e = failure(dump(base + "target_session_attrs=standby", null, null, null));
        assertTrue(e.getMessage().endsWith("failed: server is not in hot standby mode"), e.getMessage());
        // a read-only primary: read-write refuses it, primary accepts it
        try (Connection c = connector(dump(base + "options='-c default_transaction_read_only=on'"
                + " target_session_attrs=primary", null, null, null)).open()) {
            assertEquals("on", query(c, "SHOW transaction_read_only"));
        }
        e = failure(dump(base + "options='-c default_transaction_read_only=on' target_session_attrs=read-write",
                null, null, null));
        assertTrue(e.getMessage().endsWith("failed: session is read-only"), e.getMessage());
    }

    @Test
    void hostaddrConnectsWithoutResolvingTheHostName(TestDb db) throws SQLException {
        EmbeddedPostgres server = db.server();
        String conninfo = "host=db.example.invalid hostaddr=" + server.host() + " port=" + server.port()
                + " dbname=" + db.name() + " user=postgres sslmode=disable";
        try (Connection c = connector(dump(conninfo, null, null, null)).open()) {
            assertEquals(db.name() + "|postgres|pg_dump|true", whoAmI(c));
        }
        ConnectionException e = failure(dump("hostaddr=127.0.0.1 port=1 dbname=x user=postgres", null, null, null));
        assertEquals("connection to server at \"127.0.0.1\", port 1 failed: Connection refused"
                + "\n\tIs the server running on that host and accepting TCP/IP connections?", e.getMessage());
        e = failure(dump("hostaddr=not.an.address dbname=x user=postgres", null, null, null));
        assertEquals("could not parse network address \"not.an.address\": Name or service not known", e.getMessage());
    }

    @Test
    void sslRequiredAgainstAServerWithoutSslFails(TestDb db) {
        EmbeddedPostgres server = db.server();
        ConnectionException e = failure(dump("sslmode=require dbname=" + db.name(), server.host(), port(server),
                "postgres"));
        assertEquals("connection to server at \"" + server.host() + "\", port " + server.port()
                + " failed: server does not support SSL, but SSL was required", e.getMessage());
    }

    @Test
    void openWithAnotherDatabaseKeepsAllParameters(TestDb db) throws SQLException {
        EmbeddedPostgres server = db.server();
        String conninfo = "host=" + server.host() + " port=" + server.port() + " dbname=" + db.name()
                + " user=postgres application_name=keepme options='-c work_mem=2345kB'";
        PgConnector connector = connector(dump(conninfo, null, null, null));
        try (Connection c = connector.open("postgres")) {
            assertEquals("postgres|postgres|keepme|true", whoAmI(c));
            assertEquals("2345kB", query(c, "SHOW work_mem"));
        }
        assertEquals(db.name(), connector.dbname());
    }

    @Test
    void badConnInfoIsALibpqError() {
        assertEquals("invalid connection option \"bogus\"", assertThrows(ConnectionException.class,
                () -> connector(dump("bogus=1", null, null, null))).getMessage());
        assertEquals("invalid integer value \"x\" for connection option \"port\"",
                assertThrows(ConnectionException.class, () -> connector(dump("port=x", null, null, null))).getMessage());
    }
}
