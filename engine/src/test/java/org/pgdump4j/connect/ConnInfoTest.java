package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.ConnectionException;

class ConnInfoTest {
    static final String SOCKET_DIR = "/var/run/postgresql";

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private ConnDefaults defaults() {
        return new ConnDefaults(SOCKET_DIR, home.resolve("etc"), "osuser");
    }

    private ConnInfo resolve(@Nullable String dbname, @Nullable String host, @Nullable String port,
                             @Nullable String user) {
        return ConnInfo.resolve(ConnArgs.pgDump(dbname, host, port, user, PasswordMode.DEFAULT), env, home, defaults());
    }

    private ConnInfo resolve(@Nullable String dbname) {
        return resolve(dbname, null, null, null);
    }

    private String error(@Nullable String dbname, @Nullable String host, @Nullable String port) {
        return assertThrows(ConnectionException.class, () -> resolve(dbname, host, port, null)).getMessage();
    }

    private static ConnInfo.Host only(ConnInfo info) {
        assertEquals(1, info.hosts().size());
        return info.hosts().get(0);
    }

    @Test
    void defaultsAreTheSocketDirPort5432AndTheOsUser() {
        ConnInfo info = resolve(null);
        ConnInfo.Host host = only(info);
        assertEquals(SOCKET_DIR, host.host());
        assertTrue(host.isUnixSocket());
        assertEquals("5432", host.port());
        assertEquals(SOCKET_DIR + "/.s.PGSQL.5432", host.socketPath());
        assertEquals("osuser", info.user());
        assertEquals("osuser", info.dbname());
        assertNull(info.password());
        assertEquals("prefer", info.sslmode());
        assertEquals(Optional.of("pg_dump"), info.applicationName());
        assertEquals(home.resolve(".pgpass"), info.passfile());
        assertEquals(Optional.of("any"), info.get("target_session_attrs"));
    }

    @Test
    void databaseDefaultsToTheUser() {
        assertEquals("alice", resolve(null, null, null, "alice").dbname());
    }

    @Test
    void environmentFillsWhatTheCommandLineLeaves() {
        env.putAll(Map.of("PGHOST", "envhost", "PGPORT", "6000", "PGUSER", "envuser", "PGDATABASE", "envdb",
                "PGAPPNAME", "envapp", "PGSSLMODE", "require", "PGOPTIONS", "-c work_mem=1MB",
                "PGCONNECT_TIMEOUT", "7", "PGTARGETSESSIONATTRS", "read-write", "PGSSLROOTCERT", "/ca.pem"));
        env.put("PGCLIENTENCODING", "LATIN1");
        ConnInfo info = resolve(null);
        assertEquals(new ConnInfo.Host("envhost", "", "6000", "envhost"), only(info));
        assertEquals("envuser", info.user());
        assertEquals("envdb", info.dbname());
        assertEquals(Optional.of("envapp"), info.applicationName());
        assertEquals("require", info.sslmode());
        assertEquals(Optional.of("-c work_mem=1MB"), info.get("options"));
        assertEquals(Optional.of("7"), info.get("connect_timeout"));
        assertEquals(Optional.of("read-write"), info.get("target_session_attrs"));
        assertEquals(Optional.of("/ca.pem"), info.get("sslrootcert"));
        assertEquals(Optional.of("LATIN1"), info.get("client_encoding"));
    }

    @Test
    void commandLineOptionsBeatTheEnvironment() {
        env.putAll(Map.of("PGHOST", "envhost", "PGPORT", "6000", "PGUSER", "envuser", "PGDATABASE", "envdb"));
        ConnInfo info = resolve("clidb", "clihost", "7000", "cliuser");
        assertEquals(new ConnInfo.Host("clihost", "", "7000", "clihost"), only(info));
        assertEquals("cliuser", info.user());
        assertEquals("clidb", info.dbname());
    }

    @Test
    void emptyCommandLineValuesAreIgnored() {
        env.put("PGHOST", "envhost");
        assertEquals("envhost", only(resolve("", "", "", "")).host());
    }

    @Test
    void emptyEnvironmentVariableCountsAsSetAndMeansTheDefault() {
        env.put("PGHOST", "");
        env.put("PGPORT", "");
        ConnInfo.Host host = only(resolve(null));
        assertEquals(SOCKET_DIR, host.host());
        assertEquals("5432", host.port());
    }

    @Test
    void connInfoKeywordsInDbnameOverrideCommandLineOptions() {
        // libpq expand_dbname: the expanded dbname comes after host/port/user in pg_dump's keyword list
        ConnInfo info = resolve("host=b user=u2 dbname=realdb", "a", "1", "u1");
        assertEquals(new ConnInfo.Host("b", "", "1", "b"), only(info));
        assertEquals("u2", info.user());
        assertEquals("realdb", info.dbname());
    }

    @Test
    void connInfoWithoutDbnameKeepsCommandLineOptionsAndTakesDbnameFromEnvironment() {
        env.put("PGDATABASE", "envdb");
        ConnInfo info = resolve("port=1", "a", "2", null);
        assertEquals(new ConnInfo.Host("a", "", "1", "a"), only(info));
        assertEquals("envdb", info.dbname());
    }

    @Test
    void uriInDbnameOverridesCommandLineOptions() {
        ConnInfo info = resolve("postgresql://y:pw@h:9/db?sslmode=disable", "a", "1", "x");
        assertEquals(new ConnInfo.Host("h", "", "9", "h"), only(info));
        assertEquals("y", info.user());
        assertEquals("db", info.dbname());
        assertEquals("pw", info.password());
        assertEquals("disable", info.sslmode());
    }

    @Test
    void connInfoEmptyValueOverridesAndThenMeansDefault() {
        env.put("PGHOST", "envhost");
        assertEquals(SOCKET_DIR, only(resolve("host=''")).host());
    }

    @Test
    void pgRestoreDoesNotReadPgdatabase() {
        env.put("PGDATABASE", "envdb");
        env.put("PGUSER", "u");
        ConnInfo info = ConnInfo.resolve(ConnArgs.pgRestore(null, null, null, null, PasswordMode.DEFAULT), env, home,
                defaults());
        assertEquals("u", info.dbname());
        assertEquals(Optional.of("pg_restore"), info.applicationName());
    }

    @Test
    void programNameOverridesFallbackInConnInfoButNotApplicationName() {
        assertEquals(Optional.of("pg_dump"), resolve("fallback_application_name=other").applicationName());
        assertEquals(Optional.of("mine"), resolve("application_name=mine").applicationName());
        env.put("PGAPPNAME", "fromenv");
        assertEquals(Optional.of("fromenv"), resolve(null).applicationName());
        assertEquals(Optional.of("pg_dump"), resolve("application_name=''").applicationName());
    }

    @Test
    void pgrequiresslMeansRequireUnlessPgsslmodeIsSet() {
        env.put("PGREQUIRESSL", "1");
        assertEquals("require", resolve(null).sslmode());
        env.put("PGSSLMODE", "disable");
        assertEquals("disable", resolve(null).sslmode());
        env.remove("PGSSLMODE");
        env.put("PGREQUIRESSL", "0");
        assertEquals("prefer", resolve(null).sslmode());
    }

    @Test
    void sslrootcertSystemStrengthensTheDefaultSslmode() {
        assertEquals("verify-full", resolve("sslrootcert=system").sslmode());
        assertEquals("weak sslmode \"require\" may not be used with sslrootcert=system (use \"verify-full\")",
                error("sslrootcert=system sslmode=require", null, null));
    }

    @Test
    void invalidEnumeratedValuesAreRejected() {
        assertEquals("invalid sslmode value: \"maybe\"", error("sslmode=maybe", null, null));
        assertEquals("invalid target_session_attrs value: \"any-old\"", error("target_session_attrs=any-old", null, null));
        assertEquals("invalid load_balance_hosts value: \"yes\"", error("load_balance_hosts=yes", null, null));
        assertEquals("invalid channel_binding value: \"x\"", error("channel_binding=x", null, null));
        assertEquals("invalid gssencmode value: \"x\"", error("gssencmode=x", null, null));
        assertEquals("invalid ssl_min_protocol_version value: \"SSLv3\"",
                error("ssl_min_protocol_version=SSLv3", null, null));
        assertEquals("invalid integer value \"soon\" for connection option \"connect_timeout\"",
                error("connect_timeout=soon", null, null));
        assertEquals("weak sslmode \"prefer\" may not be used with sslnegotiation=direct (use \"require\", "
                + "\"verify-ca\", or \"verify-full\")", error("sslnegotiation=direct", null, null));
    }

    @Test
    void invalidPortsAreRejected() {
        assertEquals("invalid integer value \"abc\" for connection option \"port\"", error(null, null, "abc"));
        assertEquals("invalid port number: \"70000\"", error(null, null, "70000"));
    }

    @Test
    void unknownKeywordInDbnameIsRejected() {
        assertEquals("invalid connection option \"nope\"", error("nope=1", null, null));
    }

    @Test
    void multipleHostsWithOnePortOrOnePortEach() {
        ConnInfo info = resolve(null, "a,b,/sock", "6000", null);
        assertEquals(List.of(new ConnInfo.Host("a", "", "6000", "a"), new ConnInfo.Host("b", "", "6000", "b"),
                new ConnInfo.Host("/sock", "", "6000", "/sock")), info.hosts());
        assertTrue(info.hosts().get(2).isUnixSocket());
        info = resolve(null, "a,,b", "1,2,", null);
        assertEquals(List.of(new ConnInfo.Host("a", "", "1", "a"), new ConnInfo.Host(SOCKET_DIR, "", "2", "localhost"),
                new ConnInfo.Host("b", "", "5432", "b")), info.hosts());
        assertEquals("could not match 3 port numbers to 2 hosts", error(null, "a,b", "1,2,3"));
    }

    @Test
    void hostaddrWithAndWithoutHost() {
        env.put("PGHOSTADDR", "127.0.0.1");
        ConnInfo.Host host = only(resolve(null));
        assertEquals(new ConnInfo.Host("", "127.0.0.1", "5432", "127.0.0.1"), host);
        assertFalse(host.isUnixSocket());
        host = only(resolve(null, "db.example.com", null, null));
        assertEquals(new ConnInfo.Host("db.example.com", "127.0.0.1", "5432", "db.example.com"), host);
        assertEquals("could not match 2 host names to 1 hostaddr values", error(null, "a,b", null));
    }

    @Test
    void atSignHostIsAnAbstractUnixSocket() {
        assertTrue(only(resolve(null, "@abstract", null, null)).isUnixSocket());
    }

    @Test
    void withDbnameKeepsEverythingElse() {
        ConnInfo info = resolve("host=h port=1 user=u dbname=a sslmode=require application_name=x password=p");
        ConnInfo other = info.withDbname("b");
        assertEquals("b", other.dbname());
        assertEquals(info.hosts(), other.hosts());
        assertEquals(info.user(), other.user());
        assertEquals(info.password(), other.password());
        assertEquals(info.settings(), other.settings());
        // a reconnection's dbname is never expanded as a connection string
        assertEquals("host=evil", info.withDbname("host=evil").dbname());
        assertEquals("u", info.withDbname("").dbname());
    }

    @Test
    void toStringNeverShowsSecrets() {
        ConnInfo info = resolve("password=s3cr3t sslpassword=k3y oauth_client_secret=0auth host=h");
        String text = info.toString() + info.withPassword("pr0mpted") + info.withDbname("x");
        assertFalse(text.contains("s3cr3t"), text);
        assertFalse(text.contains("k3y"), text);
        assertFalse(text.contains("0auth"), text);
        assertFalse(text.contains("pr0mpted"), text);
        assertTrue(text.contains("password=<hidden>"), text);
        assertTrue(text.contains("host=h"), text);
    }

    @Test
    void emptyPasswordMeansNone() {
        env.put("PGPASSWORD", "");
        assertNull(resolve(null).password());
    }

    @Test
    void settingsAreImmutable() {
        ConnInfo info = resolve(null);
        assertThrows(UnsupportedOperationException.class, () -> info.settings().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> info.hosts().clear());
    }
}
