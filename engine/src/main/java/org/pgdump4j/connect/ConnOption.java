package org.pgdump4j.connect;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The connection keywords of libpq 18 ({@code PQconninfoOptions} in {@code fe-connect.c}), with the environment
 * variable and the compiled-in default each falls back to. Order follows libpq's table. A keyword not listed here is
 * rejected as libpq does ({@code invalid connection option "x"}).
 */
enum ConnOption {
    SERVICE("service", "PGSERVICE", null),
    SERVICEFILE("servicefile", "PGSERVICEFILE", null),
    USER("user", "PGUSER", null),
    PASSWORD("password", "PGPASSWORD", null, true),
    PASSFILE("passfile", "PGPASSFILE", null),
    CHANNEL_BINDING("channel_binding", "PGCHANNELBINDING", "prefer"),
    CONNECT_TIMEOUT("connect_timeout", "PGCONNECT_TIMEOUT", null),
    DBNAME("dbname", "PGDATABASE", null),
    HOST("host", "PGHOST", null),
    HOSTADDR("hostaddr", "PGHOSTADDR", null),
    PORT("port", "PGPORT", "5432"),
    CLIENT_ENCODING("client_encoding", "PGCLIENTENCODING", null),
    OPTIONS("options", "PGOPTIONS", ""),
    APPLICATION_NAME("application_name", "PGAPPNAME", null),
    FALLBACK_APPLICATION_NAME("fallback_application_name", null, null),
    KEEPALIVES("keepalives", null, null),
    KEEPALIVES_IDLE("keepalives_idle", null, null),
    KEEPALIVES_INTERVAL("keepalives_interval", null, null),
    KEEPALIVES_COUNT("keepalives_count", null, null),
    TCP_USER_TIMEOUT("tcp_user_timeout", null, null),
    SSLMODE("sslmode", "PGSSLMODE", "prefer"),
    SSLNEGOTIATION("sslnegotiation", "PGSSLNEGOTIATION", "postgres"),
    SSLCOMPRESSION("sslcompression", "PGSSLCOMPRESSION", "0"),
    SSLCERT("sslcert", "PGSSLCERT", null),
    SSLKEY("sslkey", "PGSSLKEY", null),
    SSLCERTMODE("sslcertmode", "PGSSLCERTMODE", "allow"),
    SSLPASSWORD("sslpassword", null, null, true),
    SSLKEYLOGFILE("sslkeylogfile", null, null),
    SSLROOTCERT("sslrootcert", "PGSSLROOTCERT", null),
    SSLCRL("sslcrl", "PGSSLCRL", null),
    SSLCRLDIR("sslcrldir", "PGSSLCRLDIR", null),
    SSLSNI("sslsni", "PGSSLSNI", "1"),
    REQUIREPEER("requirepeer", "PGREQUIREPEER", null),
    REQUIRE_AUTH("require_auth", "PGREQUIREAUTH", null),
    MIN_PROTOCOL_VERSION("min_protocol_version", "PGMINPROTOCOLVERSION", null),
    MAX_PROTOCOL_VERSION("max_protocol_version", "PGMAXPROTOCOLVERSION", null),
    SSL_MIN_PROTOCOL_VERSION("ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION", "TLSv1.2"),
    SSL_MAX_PROTOCOL_VERSION("ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION", null),
    GSSENCMODE("gssencmode", "PGGSSENCMODE", "prefer"),
    KRBSRVNAME("krbsrvname", "PGKRBSRVNAME", "postgres"),
    GSSLIB("gsslib", "PGGSSLIB", null),
    GSSDELEGATION("gssdelegation", "PGGSSDELEGATION", "0"),
    SCRAM_CLIENT_KEY("scram_client_key", null, null, true),
    SCRAM_SERVER_KEY("scram_server_key", null, null, true),
    REPLICATION("replication", null, null),
    TARGET_SESSION_ATTRS("target_session_attrs", "PGTARGETSESSIONATTRS", "any"),
    LOAD_BALANCE_HOSTS("load_balance_hosts", "PGLOADBALANCEHOSTS", "disable"),
    OAUTH_ISSUER("oauth_issuer", null, null),
    OAUTH_CLIENT_ID("oauth_client_id", null, null),
    OAUTH_CLIENT_SECRET("oauth_client_secret", null, null, true),
    OAUTH_SCOPE("oauth_scope", null, null);

    private static final Map<String, ConnOption> BY_KEYWORD = new HashMap<>();

    static {
        for (ConnOption option : values()) {
            BY_KEYWORD.put(option.keyword, option);
        }
    }

    private final String keyword;
    private final @Nullable String envVar;
    private final @Nullable String compiledDefault;
    private final boolean secret;

    ConnOption(String keyword, @Nullable String envVar, @Nullable String compiledDefault) {
        this(keyword, envVar, compiledDefault, false);
    }

    ConnOption(String keyword, @Nullable String envVar, @Nullable String compiledDefault, boolean secret) {
        this.keyword = keyword;
        this.envVar = envVar;
        this.compiledDefault = compiledDefault;
        this.secret = secret;
    }

    /** The libpq keyword, e.g. {@code "sslmode"}. */
    String keyword() {
        return keyword;
    }

    /** The environment variable libpq reads when the keyword is not set, e.g. {@code "PGSSLMODE"}. */
    @Nullable String envVar() {
        return envVar;
    }

    /** libpq's compiled-in default (as built with SSL and GSSAPI support). */
    @Nullable String compiledDefault() {
        return compiledDefault;
    }

    /** True for values that must never be printed (libpq's display character {@code "*"}, and key material). */
    boolean secret() {
        return secret;
    }

    static Optional<ConnOption> forKeyword(String keyword) {
        return Optional.ofNullable(BY_KEYWORD.get(keyword));
    }

    static boolean isSecret(String keyword) {
        ConnOption option = BY_KEYWORD.get(keyword);
        return option != null && option.secret;
    }
}
