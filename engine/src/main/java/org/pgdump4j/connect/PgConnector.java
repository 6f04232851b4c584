package org.pgdump4j.connect;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ConnectionException;
import org.postgresql.Driver;

/**
 * Opens PgJDBC connections the way libpq would with the same {@link ConnInfo}: every connection of a run uses all the
 * resolved parameters and only the database name changes ({@link ConnectionSource}; CVE-2020-25694).
 *
 * <ul>
 *   <li>Hosts are tried one by one in order (shuffled for {@code load_balance_hosts=random}), one PgJDBC attempt per
 *       host, so each host gets its own password-file password and error text. {@code target_session_attrs} is
 *       checked after connecting, with libpq's tests ({@code transaction_read_only} for read-write/read-only,
 *       {@code pg_is_in_recovery()} for primary/standby; prefer-standby makes a second pass accepting any server).
 *   <li>Passwords: an explicit one, else the password file per host. With {@link PasswordMode#PROMPT} the user is
 *       asked ({@code "Password: "}) before the first connection; with {@link PasswordMode#DEFAULT} only when the
 *       server asked and none was known. The answer is kept for later connections. Passwords go to PgJDBC as
 *       properties only; they never appear in URLs, logs or messages.
 *   <li>Failures are {@link ConnectionException}s with libpq's text, e.g.
 *       {@code connection to server at "127.0.0.1", port 5432 failed: FATAL:  password authentication failed for user
 *       "x"}, a refused connection with libpq's second line ({@code \tIs the server running on that host ...}); the
 *       attempts for several hosts one after another, a line each, as libpq's. The PgJDBC exception is the cause.
 *   <li>Each session gets the time zone a libpq session would have ({@link SessionZone}), not the JVM's zone that
 *       PgJDBC sends: {@code PGTZ}, else the server's choice for the database and role.
 * </ul>
 * Thread-safe: workers may open connections concurrently.
 */
public final class PgConnector implements ConnectionSource {
    private static final System.Logger LOG = System.getLogger(PgConnector.class.getName());
    private static final String URL = "jdbc:postgresql://";

    private final ConnInfo info;
    private final PasswordMode passwordMode;
    private final PasswordPrompt prompt;
    private final Path home;
    private final @Nullable String pgtz;
    private final Driver driver = new Driver();
    private final Object promptLock = new Object();
    private volatile @Nullable String promptedPassword;
    private volatile boolean prompted;
    private volatile Consumer<String> zoneWarnings = w -> LOG.log(System.Logger.Level.WARNING, w);
    private final AtomicBoolean zoneWarned = new AtomicBoolean();

    /**
     * @param home the home directory whose {@code .postgresql/root.crt} libpq would use
     * @param env the environment libpq reads at connection time ({@code PGTZ})
     */
    public PgConnector(ConnInfo info, PasswordMode passwordMode, PasswordPrompt prompt, Path home,
                       Map<String, String> env) {
        this.info = Objects.requireNonNull(info, "info");
        this.passwordMode = Objects.requireNonNull(passwordMode, "passwordMode");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.home = Objects.requireNonNull(home, "home");
        this.pgtz = SessionZone.pgtz(env);
        for (String keyword : PgJdbcMapping.unmapped(info)) {
            LOG.log(System.Logger.Level.DEBUG, "connection option \"{0}\" has no PgJDBC counterpart and is ignored",
                    keyword);
        }
    }

    /**
     * A connector for a command line: the process environment, libpq's home directory ({@link LibpqHome}) and the
     * console prompt.
     *
     * @throws ConnectionException when the parameters do not resolve (see {@link ConnInfo#resolve})
     */
    public static PgConnector fromArgs(ConnArgs args) {
        Map<String, String> env = System.getenv();
        return fromArgs(args, env, LibpqHome.of(env), PasswordPrompt.console());
    }

    /** A connector for explicit environment, home directory and prompt. */
    public static PgConnector fromArgs(ConnArgs args, Map<String, String> env, Path home, PasswordPrompt prompt) {
        return new PgConnector(ConnInfo.resolve(args, env, home), args.passwordMode(), prompt, home, env);
    }

    /**
     * Where the warning goes that a session's time zone may differ from pg_dump's (the server's configured zone
     * was not readable; {@link SessionZone}); given once per connector, at the first such connection. Unset, it is
     * logged.
     */
    public void onZoneWarning(Consumer<String> sink) {
        zoneWarnings = Objects.requireNonNull(sink, "sink");
    }

    /** The resolved parameters (without any prompted password). */
    public ConnInfo info() {
        return info;
    }

    /**
     * Warnings for the user: libpq's (an insecure password file) and one per connection option set to a value
     * PgJDBC cannot honour, e.g. {@code connection option "sslcrl" is not supported and was ignored}. libpq reads the
     * password file only without a password: none when the connection string, {@code PGPASSWORD} or -W's answer
     * gives one. With {@link PasswordMode#PROMPT} the password is therefore asked for here, if it was not yet, as
     * pg_dump asks before libpq looks at the file; call this when about to connect.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (passwordMode != PasswordMode.PROMPT || isEmpty(promptOnce())) {
            warnings.addAll(info.warnings()); // an empty answer is no password to libpq: it reads the file
        }
        for (String keyword : PgJdbcMapping.unmapped(info)) {
            warnings.add("connection option \"" + keyword + "\" is not supported and was ignored");
        }
        return List.copyOf(warnings);
    }

    @Override
    public String dbname() {
        return info.dbname();
    }

    /**
     * libpq's client_encoding, else the last {@code -c client_encoding=} in {@code options} ({@code PGOPTIONS}): the
     * server applies the options first, then the startup packet's client_encoding over them.
     */
    @Override
    public @Nullable String clientEncoding() {
        String value = info.settings().get("client_encoding");
        if (value != null && !value.isEmpty()) {
            return value;
        }
        String options = info.settings().get("options");
        return options == null ? null : ServerSwitches.inOptions(options, "client_encoding").orElse(null);
    }

    @Override
    public Connection open() {
        return openTarget(info);
    }

    @Override
    public Connection open(String dbname) {
        Objects.requireNonNull(dbname, "dbname");
        return openTarget(info.withDbname(dbname));
    }

    private Connection openTarget(ConnInfo base) {
        ConnInfo target = base;
        if (passwordMode == PasswordMode.PROMPT) {
            promptOnce();
        }
        String known = promptedPassword;
        if (known != null && target.password() == null) {
            target = target.withPassword(known);
        }
        try {
            return connect(target);
        } catch (Failure failure) {
            if (!failure.needsPassword || passwordMode == PasswordMode.NEVER || target.password() != null) {
                throw failure.toException();
            }
            String typed = promptOnce();
            if (typed == null) {
                throw failure.toException();
            }
            try {
                return connect(target.withPassword(typed));
            } catch (Failure again) {
                throw again.toException();
            }
        }
    }

    private static boolean isEmpty(@Nullable String s) {
        return s == null || s.isEmpty();
    }

    /** Asks once per connector; later calls return the first answer. */
    private @Nullable String promptOnce() {
        synchronized (promptLock) {
            if (!prompted) {
                prompted = true;
                promptedPassword = prompt.readPassword("Password: ");
            }
            return promptedPassword;
        }
    }

    private Connection connect(ConnInfo target) throws Failure {
        List<ConnInfo.Host> hosts = new ArrayList<>(target.hosts());
        if ("random".equals(target.get("load_balance_hosts").orElse("disable"))) {
            Collections.shuffle(hosts, ThreadLocalRandom.current());
        }
        String attrs = target.get("target_session_attrs").orElse("any");
        List<String> passes = attrs.equals("prefer-standby") ? List.of("standby", "any") : List.of(attrs);
        Failure failure = new Failure();
        for (String pass : passes) {
            for (ConnInfo.Host host : hosts) {
                Connection connection = attempt(target, host, pass, failure);
                if (connection != null) {
                    return connection;
                }
            }
        }
        throw failure;
    }

    /** One host; on failure records why in {@code failure} and returns null. */
    private @Nullable Connection attempt(ConnInfo target, ConnInfo.Host host, String attrs, Failure failure) {
        InetAddress resolved = null;
        if (!host.hostaddr().isEmpty() && ConnectErrors.literal(host.hostaddr()) == null) {
            failure.add("could not parse network address \"" + host.hostaddr() + "\": Name or service not known",
                    null, false);
            return null;
        }
        if (!host.isUnixSocket() && host.hostaddr().isEmpty()) {
            try {
                resolved = InetAddress.getByName(host.host());
            } catch (UnknownHostException e) {
                failure.add("could not translate host name \"" + host.host() + "\" to address: "
                        + unknownHostReason(e), e, false);
                return null;
            }
        }
        String prefix = ConnectErrors.prefix(host, resolved);
        String password = target.passwordFor(host).orElse("");
        Properties props = PgJdbcMapping.properties(target, host, password, home);
        LOG.log(System.Logger.Level.DEBUG, () -> "connecting to " + prefix.replace(" failed: ", "")
                + " as \"" + target.user() + "\", database \"" + target.dbname() + "\"");
        Connection connection;
        try {
            connection = driver.connect(URL, props);
        } catch (SQLException e) {
            String text = prefix + ConnectErrors.detail(e, host);
            if (ConnectErrors.invalidPassword(e) && target.passwordFromFile(host)) {
                text += "; password retrieved from file \"" + target.passfile() + "\"";
            }
            failure.add(text, e, ConnectErrors.needsPassword(e));
            return null;
        }
        if (connection == null) {
            throw new IllegalStateException("PgJDBC did not accept " + URL);
        }
        try {
            String mismatch = sessionMismatch(connection, attrs);
            if (mismatch == null) {
                String refused = setZone(connection, target);
                if (refused == null) {
                    return connection;
                }
                failure.add(prefix + refused, null, false);
            } else {
                failure.add(prefix + mismatch, null, false);
            }
        } catch (SQLException e) {
            failure.add(prefix + ConnectErrors.detail(e), e, false);
        }
        closeQuietly(connection, failure);
        return null;
    }

    /**
     * Gives the session libpq's time zone; returns the server's refusal of PGTZ or of the options' zone, as the
     * startup would have failed on it ({@code FATAL:  invalid value for parameter "TimeZone": "x"}), or null.
     */
    private @Nullable String setZone(Connection connection, ConnInfo target) throws SQLException {
        SessionZone.Choice choice = SessionZone.choose(connection, pgtz, target.get("options").orElse(""));
        try {
            SessionZone.set(connection, choice.zone());
        } catch (SQLException e) {
            if (choice.source().fromClient()) {
                return ConnectErrors.detail(e).replaceFirst("^ERROR:", "FATAL:");
            }
            throw e;
        }
        String warning = choice.warning();
        if (warning != null && zoneWarned.compareAndSet(false, true)) {
            zoneWarnings.accept(warning);
        }
        return null;
    }

    /** libpq's target_session_attrs test; null when the server fits. */
    private static @Nullable String sessionMismatch(Connection connection, String attrs) throws SQLException {
        switch (attrs) {
            case "read-write":
                return readOnly(connection) ? "session is read-only" : null;
            case "read-only":
                return readOnly(connection) ? null : "session is not read-only";
            case "primary":
                return inRecovery(connection) ? "server is in hot standby mode" : null;
            case "standby":
                return inRecovery(connection) ? null : "server is not in hot standby mode";
            default:
                return null;
        }
    }

    private static boolean readOnly(Connection connection) throws SQLException {
        return "on".equals(queryString(connection, "SHOW transaction_read_only"));
    }

    private static boolean inRecovery(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_is_in_recovery()")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static @Nullable String queryString(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void closeQuietly(Connection connection, Failure failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.suppress(e);
        }
    }

    private static String unknownHostReason(UnknownHostException e) {
        String message = e.getMessage();
        if (message == null) {
            return "Name or service not known";
        }
        int colon = message.indexOf(": ");
        return colon >= 0 ? message.substring(colon + 2) : "Name or service not known";
    }

    /** The failed attempts of one connect call. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> messages = new ArrayList<>();
        private @Nullable Exception cause;
        private final List<Exception> others = new ArrayList<>();
        private boolean needsPassword;

        Failure() {
            super(null, null, false, false);
        }

        void add(String message, @Nullable Exception error, boolean noPassword) {
            messages.add(message);
            needsPassword |= noPassword;
            if (error != null) {
                if (cause != null) {
                    others.add(cause);
                }
                cause = error;
            }
        }

        void suppress(Exception e) {
            others.add(e);
        }

        ConnectionException toException() {
            String text = messages.isEmpty() ? "could not connect to server" : String.join("\n", messages);
            ConnectionException e = cause == null ? new ConnectionException(text) : new ConnectionException(text, cause);
            others.forEach(e::addSuppressed);
            return e;
        }
    }
}
