package org.pgdump4j.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ConnectionException;

/**
 * The connection parameters of a pg_dump-family program after libpq's resolution: immutable, and shared by every
 * connection a run opens (workers and other databases only swap the database name, see {@link #withDbname}).
 * {@link #toString()} never shows a password or other secret.
 *
 * <h2>Precedence ({@link #resolve})</h2>
 * pg_dump calls {@code PQconnectdbParams} with {@code expand_dbname} and the keywords, in this order, {@code host=-h},
 * {@code port=-p}, {@code user=-U}, {@code password=}(a prompted one), {@code dbname=}(positional or {@code -d}),
 * {@code fallback_application_name=}(program name); empty values are skipped. libpq's
 * {@code conninfo_array_parse} stores them in order, a later one overriding an earlier one, except that the first
 * {@code dbname} whose value is a connection string ({@link ConnString#isConnectionString}) is replaced by every keyword
 * that string sets. So:
 * <ol>
 *   <li>keywords in a conninfo string or URI given as the database name override {@code -h}/{@code -p}/{@code -U}
 *       (e.g. {@code -h a -d "host=b"} connects to {@code b}; {@code -h a -d "port=1"} to {@code a} port 1), while the
 *       program name overrides a {@code fallback_application_name} in that string;
 *   <li>then the service ({@code service} keyword, else {@code PGSERVICE}; see {@link ServiceFile}) fills unset
 *       keywords;
 *   <li>then the environment ({@code PGHOST}, {@code PGPORT}, ...; {@code PGDATABASE} only when
 *       {@link ConnArgs#useDbnameEnv()}; {@code PGREQUIRESSL=1} means {@code sslmode=require} when {@code PGSSLMODE}
 *       is unset); a variable set to the empty string counts as set;
 *   <li>then compiled-in defaults (port 5432, sslmode prefer, ...; sslmode verify-full when
 *       {@code sslrootcert=system});
 *   <li>finally, as libpq's {@code pqConnectOptions2}: empty host and hostaddr mean the default Unix socket directory,
 *       an empty port 5432, an empty user the operating-system user, an empty database name the user name; and with
 *       no password, the password file is consulted per host ({@link PgPass}).
 * </ol>
 * A {@code host} starting with {@code /} (or {@code @}) is a Unix socket directory. {@code host}, {@code hostaddr} and
 * {@code port} may be comma-separated lists (one port for all hosts, or one per host).
 *
 * @param hosts the hosts to try, in order (never empty)
 * @param user the role name
 * @param dbname the database name
 * @param password the password given explicitly (conninfo, service, {@code PGPASSWORD}, prompt), or null; a
 *     password-file password is per host, see {@link #passwordFor}
 * @param settings every other keyword with a value (sslmode, application_name, options, ...), sorted by keyword
 * @param passfile the password file consulted when no password is given
 * @param warnings libpq's warnings met while resolving (an insecure password file), for the caller to print
 */
public record ConnInfo(List<Host> hosts, String user, String dbname, @Nullable String password,
                       Map<String, String> settings, Path passfile, List<String> warnings) {
    static final String DEFAULT_PORT = "5432";

    /**
     * One host to try.
     *
     * @param host a host name, an IP address, a Unix socket directory, or {@code ""} when only {@code hostaddr} is
     *     given
     * @param hostaddr the numeric address to connect to instead of resolving {@code host}, or {@code ""}
     * @param port the port, as given (never empty)
     * @param passfileHost the host name a password-file line must carry for this host ({@code localhost} for the
     *     default socket directory)
     */
    public record Host(String host, String hostaddr, String port, String passfileHost) {
        public Host {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(hostaddr, "hostaddr");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(passfileHost, "passfileHost");
        }

        /** True when this host is reached through a Unix-domain socket in the directory {@link #host()}. */
        public boolean isUnixSocket() {
            return hostaddr.isEmpty() && isUnixSocketPath(host);
        }

        /** The socket file, {@code <dir>/.s.PGSQL.<port>} (meaningful for {@link #isUnixSocket()} hosts). */
        public String socketPath() {
            return host + "/.s.PGSQL." + portNumber();
        }

        /** The port as a number (validated by {@link ConnInfo#resolve}). */
        public int portNumber() {
            return Integer.parseInt(port.strip());
        }
    }

    public ConnInfo {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no hosts");
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(dbname, "dbname");
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        Objects.requireNonNull(passfile, "passfile");
        warnings = List.copyOf(warnings);
    }

    /**
     * Resolves what a pg_dump-family command line gives, with libpq's precedence (see the class comment).
     *
     * @param env the process environment ({@code System.getenv()})
     * @param home the user's home directory ({@code ~/.pgpass}, {@code ~/.pg_service.conf})
     * @throws ConnectionException with libpq's message for a malformed connection string, an unknown keyword, an
     *     undefined service, an invalid value ({@code invalid sslmode value: "x"}) or mismatched host/port lists
     */
    public static ConnInfo resolve(ConnArgs args, Map<String, String> env, Path home) {
        return resolve(args, env, home, ConnDefaults.system());
    }

    static ConnInfo resolve(ConnArgs args, Map<String, String> env, Path home, ConnDefaults defaults) {
        return resolve(args, null, env, home, defaults);
    }

    static ConnInfo resolve(ConnArgs args, @Nullable String promptedPassword, Map<String, String> env, Path home,
                            ConnDefaults defaults) {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, String> expanded = null;
        if (args.dbname() != null && ConnString.isConnectionString(args.dbname())) {
            expanded = ConnString.parse(args.dbname());
        }
        String[][] keywords = {
            {ConnOption.HOST.keyword(), args.host()},
            {ConnOption.PORT.keyword(), args.port()},
            {ConnOption.USER.keyword(), args.user()},
            {ConnOption.PASSWORD.keyword(), promptedPassword},
            {ConnOption.DBNAME.keyword(), args.dbname()},
            {ConnOption.FALLBACK_APPLICATION_NAME.keyword(), args.programName()},
        };
        for (String[] kv : keywords) {
            String value = kv[1];
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (kv[0].equals(ConnOption.DBNAME.keyword()) && expanded != null) {
                opts.putAll(expanded);
                expanded = null;
            } else {
                opts.put(kv[0], value);
            }
        }
        ServiceFile.apply(opts, env, home, defaults.sysconfDir());
        boolean sslmodeDefaulted = false;
        for (ConnOption option : ConnOption.values()) {
            String keyword = option.keyword();
            if (opts.containsKey(keyword)) {
                continue;
            }
            String envVar = option.envVar();
            if (envVar != null && env.get(envVar) != null
                    && (option != ConnOption.DBNAME || args.useDbnameEnv())) {
                opts.put(keyword, env.get(envVar));
                continue;
            }
            if (option == ConnOption.SSLMODE) {
                String requireSsl = env.get("PGREQUIRESSL");
                if (requireSsl != null && requireSsl.startsWith("1")) {
                    opts.put(keyword, "require");
                    continue;
                }
                sslmodeDefaulted = true;
            }
            if (option.compiledDefault() != null) {
                opts.put(keyword, option.compiledDefault());
            }
        }
        if (sslmodeDefaulted && "system".equals(opts.get(ConnOption.SSLROOTCERT.keyword()))) {
            opts.put(ConnOption.SSLMODE.keyword(), "verify-full");
        }
        return derive(opts, home, defaults);
    }

    /** libpq's {@code pqConnectOptions2}: host list, defaults for empty values, password file, validation. */
    private static ConnInfo derive(Map<String, String> opts, Path home, ConnDefaults defaults) {
        String hostaddrList = opts.remove(ConnOption.HOSTADDR.keyword());
        String hostList = opts.remove(ConnOption.HOST.keyword());
        String portList = opts.remove(ConnOption.PORT.keyword());
        int count;
        List<String> addrs;
        if (!isEmpty(hostaddrList)) {
            addrs = splitList(hostaddrList);
            count = addrs.size();
        } else {
            count = isEmpty(hostList) ? 1 : splitList(hostList).size();
            addrs = Collections.nCopies(count, "");
        }
        List<String> names = isEmpty(hostList) ? Collections.nCopies(count, "") : splitList(hostList);
        if (names.size() != count) {
            throw new ConnectionException("could not match " + names.size() + " host names to " + count
                    + " hostaddr values");
        }
        List<String> ports = isEmpty(portList) ? Collections.nCopies(count, "") : splitList(portList);
        if (ports.size() == 1) {
            ports = Collections.nCopies(count, ports.get(0));
        } else if (ports.size() != count) {
            throw new ConnectionException("could not match " + ports.size() + " port numbers to " + count + " hosts");
        }

        String user = opts.remove(ConnOption.USER.keyword());
        if (isEmpty(user)) {
            user = defaults.osUser();
        }
        String dbname = opts.remove(ConnOption.DBNAME.keyword());
        if (isEmpty(dbname)) {
            dbname = user;
        }
        String password = opts.remove(ConnOption.PASSWORD.keyword());
        if (isEmpty(password)) {
            password = null;
        }
        String passfileOpt = opts.get(ConnOption.PASSFILE.keyword());
        Path passfile = isEmpty(passfileOpt) ? home.resolve(".pgpass") : Path.of(passfileOpt);

        List<Host> hosts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String addr = addrs.get(i);
            String name = names.get(i);
            if (addr.isEmpty() && name.isEmpty()) {
                name = defaults.socketDir();
            }
            String port = ports.get(i).isEmpty() ? DEFAULT_PORT : ports.get(i);
            checkPort(port);
            String pwhost = name.isEmpty() ? addr : name;
            hosts.add(new Host(name, addr, port, PgPass.matchHost(pwhost, defaults.socketDir())));
        }
        validate(opts);

        List<String> warnings = new ArrayList<>(); // libpq checks the file once per host, and warns each time
        if (password == null) {
            for (Host host : hosts) {
                warnings.addAll(PgPass.lookupMatched(passfile, host.passfileHost(), host.port(), dbname, user)
                        .warnings());
            }
        }
        return new ConnInfo(hosts, user, dbname, password, opts, passfile, warnings);
    }

    private static void validate(Map<String, String> opts) {
        checkChoice(opts, ConnOption.CHANNEL_BINDING, "disable", "prefer", "require");
        checkChoice(opts, ConnOption.SSLMODE, "disable", "allow", "prefer", "require", "verify-ca", "verify-full");
        checkChoice(opts, ConnOption.SSLNEGOTIATION, "postgres", "direct");
        checkChoice(opts, ConnOption.SSLCERTMODE, "disable", "allow", "require");
        checkChoice(opts, ConnOption.GSSENCMODE, "disable", "prefer", "require");
        checkChoice(opts, ConnOption.TARGET_SESSION_ATTRS,
                "any", "read-write", "read-only", "primary", "standby", "prefer-standby");
        checkChoice(opts, ConnOption.LOAD_BALANCE_HOSTS, "disable", "random");
        for (ConnOption option : List.of(ConnOption.SSL_MIN_PROTOCOL_VERSION, ConnOption.SSL_MAX_PROTOCOL_VERSION)) {
            String value = opts.get(option.keyword());
            if (!isEmpty(value) && !List.of("tlsv1", "tlsv1.1", "tlsv1.2", "tlsv1.3")
                    .contains(value.toLowerCase(Locale.ROOT))) {
                throw invalidValue(option, value);
            }
        }
        String sslmode = opts.get(ConnOption.SSLMODE.keyword());
        if ("system".equals(opts.get(ConnOption.SSLROOTCERT.keyword())) && !"verify-full".equals(sslmode)) {
            throw new ConnectionException("weak sslmode \"" + sslmode
                    + "\" may not be used with sslrootcert=system (use \"verify-full\")");
        }
        if ("direct".equals(opts.get(ConnOption.SSLNEGOTIATION.keyword()))
                && !List.of("require", "verify-ca", "verify-full").contains(sslmode)) {
            throw new ConnectionException("weak sslmode \"" + sslmode + "\" may not be used with sslnegotiation=direct"
                    + " (use \"require\", \"verify-ca\", or \"verify-full\")");
        }
        String timeout = opts.get(ConnOption.CONNECT_TIMEOUT.keyword());
        if (timeout != null) {
            parseIntParam(timeout, ConnOption.CONNECT_TIMEOUT.keyword());
        }
    }

    private static void checkChoice(Map<String, String> opts, ConnOption option, String... choices) {
        String value = opts.get(option.keyword());
        if (value != null && !List.of(choices).contains(value)) {
            throw invalidValue(option, value);
        }
    }

    private static ConnectionException invalidValue(ConnOption option, String value) {
        return new ConnectionException("invalid " + option.keyword() + " value: \"" + value + "\"");
    }

    private static void checkPort(String port) {
        int number = parseIntParam(port, ConnOption.PORT.keyword());
        if (number < 1 || number > 65535) {
            throw new ConnectionException("invalid port number: \"" + port + "\"");
        }
    }

    /** libpq's {@code pqParseIntParam}: an int, blanks allowed around it. */
    static int parseIntParam(String value, String keyword) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConnectionException("invalid integer value \"" + value + "\" for connection option \""
                    + keyword + "\"", e);
        }
    }

    /** libpq's {@code is_unixsock_path}: an absolute path, or a Linux abstract socket name starting with {@code @}. */
    static boolean isUnixSocketPath(String host) {
        return host.startsWith("/") || host.startsWith("@");
    }

    private static boolean isEmpty(@Nullable String s) {
        return s == null || s.isEmpty();
    }

    /** libpq's {@code parse_comma_separated_list}, applied until the end: {@code "a,,b,"} is a, "", b, "". */
    private static List<String> splitList(String list) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = list.indexOf(',', start);
            if (comma < 0) {
                parts.add(list.substring(start));
                return parts;
            }
            parts.add(list.substring(start, comma));
            start = comma + 1;
        }
    }

    /**
     * The same parameters for another database, as pg_dump's reconnections pass {@code dbname} a second time: taken
     * literally (never expanded as a connection string), everything else kept (CVE-2020-25694).
     */
    public ConnInfo withDbname(String newDbname) {
        Objects.requireNonNull(newDbname, "newDbname");
        return new ConnInfo(hosts, user, newDbname.isEmpty() ? user : newDbname, password, settings, passfile,
                warnings);
    }

    /** The same parameters with an explicit password (a prompted one), which makes the password file unused. */
    public ConnInfo withPassword(String newPassword) {
        Objects.requireNonNull(newPassword, "newPassword");
        return new ConnInfo(hosts, user, dbname, newPassword, settings, passfile, warnings);
    }

    /** The value of a keyword from {@link #settings()} ({@code "sslmode"}, {@code "application_name"}, ...). */
    public Optional<String> get(String keyword) {
        return Optional.ofNullable(settings.get(keyword));
    }

    /** The password to send to {@code host}: the explicit one, else the first matching password-file line. */
    public Optional<String> passwordFor(Host host) {
        if (!isEmpty(password)) {
            return Optional.of(password);
        }
        return Optional.ofNullable(
                PgPass.lookupMatched(passfile, host.passfileHost(), host.port(), dbname, user).password());
    }

    /** True when the password for {@code host} comes from the password file (libpq then names the file on failure). */
    public boolean passwordFromFile(Host host) {
        return isEmpty(password) && passwordFor(host).isPresent();
    }

    /** The resolved sslmode ({@code prefer} unless set). */
    public String sslmode() {
        return get(ConnOption.SSLMODE.keyword()).orElse("prefer");
    }

    /** The application name sent to the server: application_name if non-empty, else fallback_application_name. */
    public Optional<String> applicationName() {
        return get(ConnOption.APPLICATION_NAME.keyword()).filter(s -> !s.isEmpty())
                .or(() -> get(ConnOption.FALLBACK_APPLICATION_NAME.keyword()).filter(s -> !s.isEmpty()));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ConnInfo[hosts=").append(hosts)
                .append(", user=").append(user)
                .append(", dbname=").append(dbname)
                .append(", password=").append(isEmpty(password) ? "<none>" : "<hidden>")
                .append(", settings={");
        String sep = "";
        for (Map.Entry<String, String> e : settings.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=')
                    .append(ConnOption.isSecret(e.getKey()) ? "<hidden>" : e.getValue());
            sep = ", ";
        }
        return sb.append("}, passfile=").append(passfile).append(", warnings=").append(warnings).append(']').toString();
    }
}
