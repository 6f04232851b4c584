package org.pgdump4j.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.postgresql.PGProperty;

/**
 * Turns resolved libpq parameters for one host into PgJDBC connection properties (never into URL text).
 *
 * <table>
 *   <caption>libpq keyword to PgJDBC property</caption>
 *   <tr><th>libpq</th><th>PgJDBC</th></tr>
 *   <tr><td>host, port, dbname, user</td><td>PGHOST, PGPORT, PGDBNAME, user (one host per attempt)</td></tr>
 *   <tr><td>Unix socket directory</td><td>{@link UnixSocketFactory}, socketFactoryArg = socket file, sslmode and
 *       gssEncMode disable (libpq never negotiates SSL or GSS over Unix sockets)</td></tr>
 *   <tr><td>hostaddr</td><td>{@link HostaddrSocketFactory}, socketFactoryArg = address; PGHOST stays the host name
 *       for certificate checks</td></tr>
 *   <tr><td>password (or password file)</td><td>password, read back by {@link PgJdbcPasswordPlugin}</td></tr>
 *   <tr><td>sslmode</td><td>sslmode, same values, always set; {@code require} becomes {@code verify-ca} when a root
 *       certificate file exists (libpq then verifies the chain)</td></tr>
 *   <tr><td>sslrootcert, sslcert, sslkey, sslpassword</td><td>same names; {@code sslrootcert=system} becomes
 *       sslfactory DefaultJavaSSLFactory (the JVM's trust store); with verification and no sslrootcert,
 *       {@code <home>/.postgresql/root.crt}</td></tr>
 *   <tr><td>sslnegotiation, channel_binding</td><td>sslNegotiation, channelBinding</td></tr>
 *   <tr><td>gssencmode, krbsrvname, gsslib</td><td>gssEncMode ({@code prefer} as {@code allow}), kerberosServerName,
 *       gsslib</td></tr>
 *   <tr><td>connect_timeout</td><td>connectTimeout and loginTimeout (at least 2 s; none when unset, where PgJDBC's
 *       own default is 10 s)</td></tr>
 *   <tr><td>keepalives</td><td>tcpKeepAlive (on unless {@code keepalives=0}; PgJDBC's default is off)</td></tr>
 *   <tr><td>options, application_name / fallback_application_name</td><td>options, ApplicationName</td></tr>
 *   <tr><td>target_session_attrs, load_balance_hosts</td><td>done by {@link PgConnector} (targetServerType any,
 *       loadBalanceHosts false)</td></tr>
 *   <tr><td>requirepeer</td><td>checked by {@link UnixSocket} (SO_PEERCRED)</td></tr>
 * </table>
 * Everything in {@link #UNMAPPED} has no PgJDBC counterpart; {@link #unmapped} names those set to a non-default
 * value.
 */
final class PgJdbcMapping {
    /** Keywords PgJDBC cannot honour. */
    static final Set<String> UNMAPPED = Set.of(
            "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout",
            "sslcompression", "sslcertmode", "sslcrl", "sslcrldir", "sslsni", "sslkeylogfile",
            "ssl_min_protocol_version", "ssl_max_protocol_version", "min_protocol_version", "max_protocol_version",
            "require_auth", "gssdelegation", "replication", "oauth_issuer", "oauth_client_id", "oauth_client_secret",
            "oauth_scope", "scram_client_key", "scram_server_key");

    /** The oldest server pg_dump 18 reads; lets PgJDBC send application_name in the startup packet. */
    static final String ASSUME_MIN_SERVER_VERSION = "9.2";

    private PgJdbcMapping() {
    }

    /** PgJDBC properties for one connection attempt to {@code host}; {@code password} may be empty (none known). */
    static Properties properties(ConnInfo info, ConnInfo.Host host, String password, Path home) {
        Properties props = new Properties();
        boolean unix = host.isUnixSocket();
        if (unix) {
            // PgJDBC resolves PGHOST before asking the socket to connect; "localhost" needs no DNS.
            PGProperty.PG_HOST.set(props, "localhost");
            PGProperty.SOCKET_FACTORY.set(props, UnixSocketFactory.class.getName());
            PGProperty.SOCKET_FACTORY_ARG.set(props, host.socketPath());
            info.get("requirepeer").filter(s -> !s.isEmpty())
                    .ifPresent(peer -> props.setProperty(UnixSocketFactory.REQUIREPEER_PROPERTY, peer));
        } else if (!host.hostaddr().isEmpty()) {
            PGProperty.PG_HOST.set(props, host.host().isEmpty() ? host.hostaddr() : host.host());
            PGProperty.SOCKET_FACTORY.set(props, HostaddrSocketFactory.class.getName());
            PGProperty.SOCKET_FACTORY_ARG.set(props, host.hostaddr());
        } else {
            PGProperty.PG_HOST.set(props, host.host());
        }
        PGProperty.PG_PORT.set(props, Integer.toString(host.portNumber()));
        PGProperty.PG_DBNAME.set(props, info.dbname());
        PGProperty.USER.set(props, info.user());
        // Never null: a null password makes PgJDBC read ~/.pgpass by its own rules.
        PGProperty.PASSWORD.set(props, password);
        PGProperty.AUTHENTICATION_PLUGIN_CLASS_NAME.set(props, PgJdbcPasswordPlugin.class.getName());

        setSsl(props, info, unix, home);
        PGProperty.GSS_ENC_MODE.set(props, unix ? "disable" : gssEncMode(info.get("gssencmode").orElse("prefer")));
        info.get("krbsrvname").filter(s -> !s.isEmpty()).ifPresent(v -> PGProperty.KERBEROS_SERVER_NAME.set(props, v));
        info.get("gsslib").filter(s -> !s.isEmpty()).ifPresent(v -> PGProperty.GSS_LIB.set(props, v));

        int timeout = connectTimeoutSeconds(info);
        PGProperty.CONNECT_TIMEOUT.set(props, timeout);
        PGProperty.LOGIN_TIMEOUT.set(props, timeout);
        PGProperty.TCP_KEEP_ALIVE.set(props, !unix && !"0".equals(info.get("keepalives").orElse("1").strip()));
        info.get("options").filter(s -> !s.isEmpty()).ifPresent(v -> PGProperty.OPTIONS.set(props, v));
        info.applicationName().ifPresent(v -> PGProperty.APPLICATION_NAME.set(props, v));
        PGProperty.TARGET_SERVER_TYPE.set(props, "any");
        PGProperty.LOAD_BALANCE_HOSTS.set(props, false);
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, ASSUME_MIN_SERVER_VERSION);
        return props;
    }

    private static void setSsl(Properties props, ConnInfo info, boolean unix, Path home) {
        String sslrootcert = info.get("sslrootcert").orElse("");
        boolean system = sslrootcert.equals("system");
        String rootFile = system ? "" : sslrootcert.isEmpty()
                ? home.resolve(".postgresql").resolve("root.crt").toString() : sslrootcert;
        PGProperty.SSL_MODE.set(props, unix ? "disable" : sslmode(info.sslmode(), !system && Files.exists(Path.of(rootFile))));
        if (system) {
            PGProperty.SSL_FACTORY.set(props, "org.postgresql.ssl.DefaultJavaSSLFactory");
        } else {
            PGProperty.SSL_ROOT_CERT.set(props, rootFile);
        }
        // unset, PgJDBC would look under user.home; the client certificate lives under libpq's home ($HOME first)
        Path clientDir = home.resolve(".postgresql");
        info.get("sslcert").filter(s -> !s.isEmpty()).or(() -> existing(clientDir.resolve("postgresql.crt")))
                .ifPresent(v -> PGProperty.SSL_CERT.set(props, v));
        info.get("sslkey").filter(s -> !s.isEmpty()).or(() -> existing(clientDir.resolve("postgresql.pk8")))
                .ifPresent(v -> PGProperty.SSL_KEY.set(props, v));
        info.get("sslpassword").filter(s -> !s.isEmpty()).ifPresent(v -> PGProperty.SSL_PASSWORD.set(props, v));
        info.get("sslnegotiation").ifPresent(v -> PGProperty.SSL_NEGOTIATION.set(props, v));
        info.get("channel_binding").ifPresent(v -> PGProperty.CHANNEL_BINDING.set(props, v));
    }

    private static Optional<String> existing(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file.toString()) : Optional.empty();
    }

    /**
     * PgJDBC's sslmode for a libpq sslmode on a TCP connection. The names are the same; libpq's {@code require}
     * verifies the server certificate chain when a root certificate file exists, which is PgJDBC's
     * {@code verify-ca}. ({@code prefer}/{@code allow} then verify too in libpq; PgJDBC cannot express "maybe SSL,
     * but verified", so those stay unverified.)
     */
    static String sslmode(String libpqSslmode, boolean rootCertExists) {
        switch (libpqSslmode) {
            case "disable":
            case "allow":
            case "prefer":
            case "verify-ca":
            case "verify-full":
                return libpqSslmode;
            case "require":
                return rootCertExists ? "verify-ca" : "require";
            default:
                throw new IllegalArgumentException("not a libpq sslmode: " + libpqSslmode);
        }
    }

    /** libpq {@code gssencmode} to PgJDBC {@code gssEncMode}: {@code prefer} tries GSS only when the server asks. */
    static String gssEncMode(String libpqMode) {
        return libpqMode.equals("prefer") ? "allow" : libpqMode;
    }

    /** libpq's connect_timeout rule: unset, zero or negative means none; a positive value is at least 2 seconds. */
    static int connectTimeoutSeconds(ConnInfo info) {
        String value = info.get("connect_timeout").orElse("");
        if (value.isBlank()) {
            return 0;
        }
        int seconds = ConnInfo.parseIntParam(value, "connect_timeout");
        return seconds <= 0 ? 0 : Math.max(seconds, 2);
    }

    /** Keywords of {@link #UNMAPPED} set to something other than libpq's default, sorted. */
    static List<String> unmapped(ConnInfo info) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, String> e : info.settings().entrySet()) {
            if (!UNMAPPED.contains(e.getKey()) || e.getValue().isEmpty()) {
                continue;
            }
            String compiled = ConnOption.forKeyword(e.getKey()).map(ConnOption::compiledDefault).orElse(null);
            if (compiled == null || !compiled.toLowerCase(Locale.ROOT).equals(e.getValue().toLowerCase(Locale.ROOT))) {
                result.add(e.getKey());
            }
        }
        return result;
    }
}
