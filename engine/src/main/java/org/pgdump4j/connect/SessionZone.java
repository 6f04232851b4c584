package org.pgdump4j.connect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code TimeZone} a libpq session would have, set on a PgJDBC session. The server prints every
 * {@code timestamptz} (table data, defaults, partition bounds, statistics, role expiry dates) in it.
 *
 * <p>PgJDBC always sends the JVM's zone in the startup packet; that is a client setting, which outranks a database
 * or role setting and survives {@code RESET}. libpq sends a zone only for {@code PGTZ}, so a libpq session's zone is,
 * first match wins: {@code PGTZ} (unless {@code default}, any case); a {@code -c timezone=} in {@code options}
 * ({@code PGOPTIONS}); {@code ALTER ROLE ... IN DATABASE ... SET}, {@code ALTER ROLE ... SET},
 * {@code ALTER DATABASE ... SET}, {@code ALTER ROLE ALL SET} (pg_db_role_setting, readable by everyone); the
 * configuration files ({@code pg_file_settings}: superusers only, unless granted); else the built-in {@code GMT}.
 * When the files cannot be read, the session gets {@code log_timezone}, which initdb writes with the same value, and
 * a warning says so. Not seen: a {@code -c timezone} on the server's own command line, and file edits not yet
 * reloaded.
 */
final class SessionZone {
    /** The built-in value, when no configuration sets one. */
    static final String BOOT_VALUE = "GMT";

    /** getopt letters of the server's switches that take an argument ({@code postgres.c}); 'c' sets a GUC. */
    private static final String SWITCHES_WITH_ARGUMENT = "BCcDdfhkNprStvW";

    private static final String ROLE_SETTING = "SELECT pg_catalog.substr(s.cfg, pg_catalog.strpos(s.cfg, '=') + 1)"
            + " FROM pg_catalog.pg_db_role_setting d, pg_catalog.unnest(d.setconfig) AS s(cfg)"
            + " WHERE d.setdatabase IN (0, (SELECT oid FROM pg_catalog.pg_database"
            + " WHERE datname OPERATOR(pg_catalog.=) pg_catalog.current_database()))"
            + " AND d.setrole IN (0, (SELECT oid FROM pg_catalog.pg_roles"
            + " WHERE rolname OPERATOR(pg_catalog.=) SESSION_USER))"
            + " AND pg_catalog.lower(pg_catalog.split_part(s.cfg, '=', 1)) OPERATOR(pg_catalog.=) 'timezone'"
            // libpq's order: role in database, role, database, all roles
            + " ORDER BY d.setrole <> 0 DESC, d.setdatabase <> 0 DESC LIMIT 1";
    private static final String CAN_READ_FILES = "SELECT"
            + " pg_catalog.has_table_privilege('pg_catalog.pg_file_settings', 'SELECT')"
            + " AND pg_catalog.has_function_privilege('pg_catalog.pg_show_all_file_settings()', 'EXECUTE'),"
            + " pg_catalog.current_setting('log_timezone')";
    /** The last entry that is not overridden or in error; a later entry in error keeps the earlier value. */
    private static final String FILE_SETTING = "SELECT setting, applied FROM pg_catalog.pg_file_settings"
            + " WHERE pg_catalog.lower(name) OPERATOR(pg_catalog.=) 'timezone' AND (applied OR error IS NOT NULL)"
            + " ORDER BY seqno DESC";

    /**
     * The zone for a session, and where it came from.
     *
     * @param zone the value to set
     * @param source {@code PGTZ}, {@code options}, {@code database or role}, {@code configuration file},
     *     {@code default} or {@code log_timezone}
     * @param warning why the zone may differ from a libpq session's, or null when it is libpq's
     */
    record Choice(String zone, String source, @Nullable String warning) {
    }

    private SessionZone() {
    }

    /** libpq's {@code PGTZ}: sent as it is (even empty), unless it says {@code default}. */
    static @Nullable String pgtz(Map<String, String> env) {
        String value = env.get("PGTZ");
        return value == null || value.equalsIgnoreCase("default") ? null : value;
    }

    /**
     * The zone that {@code -c timezone=...} or {@code --timezone=...} in the {@code options} string sets (the last
     * one), split as the server splits it: at blanks, a backslash keeping the next character.
     */
    static Optional<String> fromOptions(String options) {
        List<String> args = splitOptions(options);
        String zone = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String setting = null;
            if (arg.startsWith("--")) {
                setting = arg.substring(2);
            } else if (arg.startsWith("-")) {
                for (int k = 1; k < arg.length(); k++) {
                    char letter = arg.charAt(k);
                    if (SWITCHES_WITH_ARGUMENT.indexOf(letter) < 0) {
                        continue;
                    }
                    String value = k + 1 < arg.length() ? arg.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : "";
                    setting = letter == 'c' ? value : null;
                    break;
                }
            }
            int eq = setting == null ? -1 : setting.indexOf('=');
            if (eq > 0 && setting.substring(0, eq).replace('-', '_').toLowerCase(Locale.ROOT).equals("timezone")) {
                zone = setting.substring(eq + 1);
            }
        }
        return Optional.ofNullable(zone);
    }

    private static List<String> splitOptions(String options) {
        List<String> args = new ArrayList<>();
        StringBuilder arg = new StringBuilder();
        boolean inArg = false;
        for (int i = 0; i < options.length(); i++) {
            char ch = options.charAt(i);
            if (Character.isWhitespace(ch)) {
                if (inArg) {
                    args.add(arg.toString());
                    arg.setLength(0);
                    inArg = false;
                }
                continue;
            }
            inArg = true;
            if (ch == '\\' && i + 1 < options.length()) {
                ch = options.charAt(++i);
            }
            arg.append(ch);
        }
        if (inArg) {
            args.add(arg.toString());
        }
        return args;
    }

    /** What libpq would leave the session with, given PGTZ (or null) and the {@code options} string. */
    static Choice choose(Connection connection, @Nullable String pgtz, String options) throws SQLException {
        if (pgtz != null) {
            return new Choice(pgtz, "PGTZ", null);
        }
        Optional<String> fromOptions = fromOptions(options);
        if (fromOptions.isPresent()) {
            return new Choice(fromOptions.get(), "options", null);
        }
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(ROLE_SETTING)) {
                if (rs.next()) {
                    return new Choice(rs.getString(1), "database or role", null);
                }
            }
            boolean canRead;
            String logZone;
            try (ResultSet rs = st.executeQuery(CAN_READ_FILES)) {
                rs.next();
                canRead = rs.getBoolean(1);
                logZone = rs.getString(2);
            }
            if (canRead) {
                try (ResultSet rs = st.executeQuery(FILE_SETTING)) {
                    if (!rs.next()) {
                        return new Choice(BOOT_VALUE, "default", null);
                    }
                    if (rs.getBoolean(2)) {
                        return new Choice(rs.getString(1), "configuration file", null);
                    }
                }
            }
            return new Choice(logZone, "log_timezone", "could not read the server's configured time zone ("
                    + (canRead ? "the configuration files' last timezone setting is in error"
                            : "pg_file_settings is readable by superusers only")
                    + "); using log_timezone \"" + logZone + "\" instead: timestamptz values are written in it (set"
                    + " PGTZ to choose the time zone)");
        }
    }

    /** Sets the session's zone; a value the server refuses fails as it would in the startup packet. */
    static void set(Connection connection, String zone) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_catalog.set_config('TimeZone', ?, false)")) {
            st.setString(1, zone);
            st.execute();
        }
    }
}
