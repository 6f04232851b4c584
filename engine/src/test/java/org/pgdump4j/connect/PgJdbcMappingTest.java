package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.PGProperty;

class PgJdbcMappingTest {
    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private ConnInfo resolve(@Nullable String dbname, @Nullable String host) {
        return ConnInfo.resolve(ConnArgs.pgDump(dbname, host, null, "u", PasswordMode.DEFAULT), env, home,
                new ConnDefaults("/run/pg", home, "osuser"));
    }

    private Properties props(ConnInfo info) {
        return PgJdbcMapping.properties(info, info.hosts().get(0), info.passwordFor(info.hosts().get(0)).orElse(""),
                home);
    }

    @ParameterizedTest
    @CsvSource({
        "disable, false, disable",
        "allow, false, allow",
        "prefer, false, prefer",
        "require, false, require",
        "require, true, verify-ca",
        "prefer, true, prefer",
        "verify-ca, false, verify-ca",
        "verify-full, false, verify-full",
        "verify-full, true, verify-full",
    })
    void sslmodeMapping(String libpq, boolean rootCertExists, String pgjdbc) {
        assertEquals(pgjdbc, PgJdbcMapping.sslmode(libpq, rootCertExists));
    }

    @Test
    void unknownSslmodeIsABug() {
        assertThrows(IllegalArgumentException.class, () -> PgJdbcMapping.sslmode("maybe", false));
    }

    @Test
    void sslmodeIsAlwaysSetExplicitly() {
        Properties p = props(resolve("dbname=db", "h"));
        assertEquals("prefer", PGProperty.SSL_MODE.getOrDefault(p));
        p = props(resolve("dbname=db sslmode=verify-full", "h"));
        assertEquals("verify-full", PGProperty.SSL_MODE.getOrDefault(p));
        assertEquals(home.resolve(".postgresql/root.crt").toString(), PGProperty.SSL_ROOT_CERT.getOrDefault(p));
    }

    @Test
    void requireVerifiesTheChainWhenTheRootCertificateExists() throws IOException {
        Path ca = Files.writeString(home.resolve("ca.pem"), "not really a certificate");
        Properties p = props(resolve("dbname=db sslmode=require sslrootcert=" + ca, "h"));
        assertEquals("verify-ca", PGProperty.SSL_MODE.getOrDefault(p));
        assertEquals(ca.toString(), PGProperty.SSL_ROOT_CERT.getOrDefault(p));
        Files.createDirectories(home.resolve(".postgresql"));
        Files.writeString(home.resolve(".postgresql/root.crt"), "x");
        assertEquals("verify-ca", PGProperty.SSL_MODE.getOrDefault(props(resolve("dbname=db sslmode=require", "h"))));
    }

    @Test
    void sslFilesAndOptionsArePassedThrough() {
        Properties p = props(resolve("dbname=db sslcert=/c.crt sslkey=/k.pk8 sslpassword=kp sslnegotiation=direct"
                + " sslmode=require channel_binding=require", "h"));
        assertEquals("/c.crt", PGProperty.SSL_CERT.getOrDefault(p));
        assertEquals("/k.pk8", PGProperty.SSL_KEY.getOrDefault(p));
        assertEquals("kp", PGProperty.SSL_PASSWORD.getOrDefault(p));
        assertEquals("direct", PGProperty.SSL_NEGOTIATION.getOrDefault(p));
        assertEquals("require", PGProperty.CHANNEL_BINDING.getOrDefault(p));
    }

    @Test
    void theClientCertificateIsLookedUpUnderLibpqsHome() throws IOException {
        assertNull(props(resolve("dbname=db", "h")).getProperty(PGProperty.SSL_CERT.getName()));
        Files.createDirectories(home.resolve(".postgresql"));
        Files.writeString(home.resolve(".postgresql/postgresql.crt"), "x");
        Files.writeString(home.resolve(".postgresql/postgresql.pk8"), "x");
        Properties p = props(resolve("dbname=db", "h"));
        assertEquals(home.resolve(".postgresql/postgresql.crt").toString(), PGProperty.SSL_CERT.getOrDefault(p));
        assertEquals(home.resolve(".postgresql/postgresql.pk8").toString(), PGProperty.SSL_KEY.getOrDefault(p));
    }

    @Test
    void sslrootcertSystemUsesTheJvmTrustStore() {
        Properties p = props(resolve("dbname=db sslrootcert=system", "h"));
        assertEquals("verify-full", PGProperty.SSL_MODE.getOrDefault(p));
        assertEquals("org.postgresql.ssl.DefaultJavaSSLFactory", PGProperty.SSL_FACTORY.getOrDefault(p));
        assertNull(p.getProperty(PGProperty.SSL_ROOT_CERT.getName()));
    }

    @Test
    void unixSocketHostUsesOurSocketFactoryAndNoSslOrGss() {
        Properties p = props(resolve("dbname=db sslmode=require requirepeer=postgres", "/sock/dir"));
        assertEquals("localhost", PGProperty.PG_HOST.getOrDefault(p));
        assertEquals(UnixSocketFactory.class.getName(), PGProperty.SOCKET_FACTORY.getOrDefault(p));
        assertEquals("/sock/dir/.s.PGSQL.5432", PGProperty.SOCKET_FACTORY_ARG.getOrDefault(p));
        assertEquals("postgres", p.getProperty(UnixSocketFactory.REQUIREPEER_PROPERTY));
        assertEquals("disable", PGProperty.SSL_MODE.getOrDefault(p));
        assertEquals("disable", PGProperty.GSS_ENC_MODE.getOrDefault(p));
    }

    @Test
    void tcpHostHasNoSocketFactory() {
        Properties p = props(resolve("dbname=db port=6000", "db.example.com"));
        assertEquals("db.example.com", PGProperty.PG_HOST.getOrDefault(p));
        assertEquals("6000", PGProperty.PG_PORT.getOrDefault(p));
        assertEquals("db", PGProperty.PG_DBNAME.getOrDefault(p));
        assertEquals("u", PGProperty.USER.getOrDefault(p));
        assertNull(p.getProperty(PGProperty.SOCKET_FACTORY.getName()));
        assertEquals("allow", PGProperty.GSS_ENC_MODE.getOrDefault(p));
        assertEquals("true", p.getProperty(PGProperty.TCP_KEEP_ALIVE.getName()));
        assertEquals("any", PGProperty.TARGET_SERVER_TYPE.getOrDefault(p));
        assertEquals(PgJdbcMapping.ASSUME_MIN_SERVER_VERSION, PGProperty.ASSUME_MIN_SERVER_VERSION.getOrDefault(p));
    }

    @Test
    void hostaddrConnectsToTheAddressButKeepsTheHostName() {
        Properties p = props(resolve("dbname=db hostaddr=10.1.2.3", "db.example.com"));
        assertEquals("db.example.com", PGProperty.PG_HOST.getOrDefault(p));
        assertEquals(HostaddrSocketFactory.class.getName(), PGProperty.SOCKET_FACTORY.getOrDefault(p));
        assertEquals("10.1.2.3", PGProperty.SOCKET_FACTORY_ARG.getOrDefault(p));
        p = props(resolve("dbname=db hostaddr=10.1.2.3", null));
        assertEquals("10.1.2.3", PGProperty.PG_HOST.getOrDefault(p));
    }

    @Test
    void passwordIsNeverNullAndTheOwnPluginReadsIt() {
        Properties p = props(resolve("dbname=db", "h"));
        assertEquals("", p.getProperty(PGProperty.PASSWORD.getName()));
        assertEquals(PgJdbcPasswordPlugin.class.getName(), PGProperty.AUTHENTICATION_PLUGIN_CLASS_NAME.getOrDefault(p));
        p = props(resolve("dbname=db password=pw", "h"));
        assertEquals("pw", p.getProperty(PGProperty.PASSWORD.getName()));
    }

    @Test
    void connectTimeoutFollowsLibpq() {
        assertEquals("0", PGProperty.CONNECT_TIMEOUT.getOrDefault(props(resolve("dbname=db", "h"))));
        assertEquals("2", PGProperty.CONNECT_TIMEOUT.getOrDefault(props(resolve("dbname=db connect_timeout=1", "h"))));
        assertEquals("2", PGProperty.LOGIN_TIMEOUT.getOrDefault(props(resolve("dbname=db connect_timeout=1", "h"))));
        assertEquals("0", PGProperty.CONNECT_TIMEOUT.getOrDefault(props(resolve("dbname=db connect_timeout=-3", "h"))));
        assertEquals("30", PGProperty.LOGIN_TIMEOUT.getOrDefault(props(resolve("dbname=db connect_timeout=30", "h"))));
    }

    @Test
    void applicationNameOptionsAndKeepalives() {
        env.put("PGOPTIONS", "-c statement_timeout=0");
        Properties p = props(resolve("dbname=db keepalives=0 gssencmode=require krbsrvname=pg gsslib=gssapi", "h"));
        assertEquals("pg_dump", PGProperty.APPLICATION_NAME.getOrDefault(p));
        assertEquals("-c statement_timeout=0", PGProperty.OPTIONS.getOrDefault(p));
        assertEquals("false", p.getProperty(PGProperty.TCP_KEEP_ALIVE.getName()));
        assertEquals("require", PGProperty.GSS_ENC_MODE.getOrDefault(p));
        assertEquals("pg", PGProperty.KERBEROS_SERVER_NAME.getOrDefault(p));
        assertEquals("gssapi", PGProperty.GSS_LIB.getOrDefault(p));
    }

    @Test
    void unmappedListsOnlyNonDefaultValues() {
        assertEquals(List.of(), PgJdbcMapping.unmapped(resolve("dbname=db", "h")));
        env.put("PGCLIENTENCODING", "LATIN1"); // honoured: the dump's encoding (ConnectionSource.clientEncoding)
        assertEquals(List.of("sslcrl", "sslsni"),
                PgJdbcMapping.unmapped(resolve("dbname=db sslcrl=/crl.pem sslsni=0 ssl_min_protocol_version=tlsv1.2",
                        "h")));
    }
}
