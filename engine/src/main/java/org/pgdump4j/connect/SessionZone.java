package org.pgdump4j.connect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
 * server's command line ({@code postmaster.opts}, read by superusers); the configuration files
 * ({@code pg_file_settings}: superusers only, unless granted); else the built-in {@code GMT}. When the files cannot
 * be read, the session gets {@code log_timezone}, which initdb writes with the same value, and a warning says so.
 * Not seen: file edits not yet reloaded.
 */
final class SessionZone {
    /** The built-in value, when no configuration sets one. */
    static final String BOOT_VALUE = "GMT";

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
            + " pg_catalog.current_setting('log_timezone'),"
            + " (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.=) CURRENT_USER)";
    /** The postmaster's arguments as it started, each in double quotes (missing_ok: null when absent). */
    private static final String COMMAND_LINE = "SELECT pg_catalog.pg_read_file('postmaster.opts', 0, 1000000, true)";
    /** The last entry that is not overridden or in error; a later entry in error keeps the earlier value. */
    private static final String FILE_SETTING = "SELECT setting, applied FROM pg_catalog.pg_file_settings"
            + " WHERE pg_catalog.lower(name) OPERATOR(pg_catalog.=) 'timezone' AND (applied OR error IS NOT NULL)"
            + " ORDER BY seqno DESC";

    /** Where a session's zone comes from, first match wins. */
    enum Source {
        PGTZ, OPTIONS, DATABASE_OR_ROLE, COMMAND_LINE, CONFIGURATION_FILE, DEFAULT, LOG_TIMEZONE;

        /** Sent by libpq in the startup packet, so a value the server refuses fails the connection. */
        boolean fromClient() {
            return this == PGTZ || this == OPTIONS;
        }
    }

    /**
     * The zone for a session, and where it came from.
     *
     * @param zone the value to set
     * @param warning why the zone may differ from a libpq session's, or null when it is libpq's
     */
    record Choice(String zone, Source source, @Nullable String warning) {
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
        return ServerSwitches.inOptions(options, "timezone");
    }

    /**
     * The zone that {@code -c timezone=...} sets on the server's command line, from {@code postmaster.opts}: the
     * program, then each argument in double quotes (written as they were, no escapes).
     */
    static Optional<String> fromCommandLine(String postmasterOpts) {
        String line = postmasterOpts.strip();
        int first = line.indexOf(" \"");
        if (first < 0 || !line.endsWith("\"") || line.length() < first + 3) {
            return Optional.empty();
        }
        // the format is ambiguous for an argument holding '" "'; none that sets a time zone does
        return ServerSwitches.last(List.of(line.substring(first + 2, line.length() - 1).split("\" \"", -1)),
                "timezone");
    }

    /** What libpq would leave the session with, given PGTZ (or null) and the {@code options} string. */
    static Choice choose(Connection connection, @Nullable String pgtz, String options) throws SQLException {
        if (pgtz != null) {
            return new Choice(pgtz, Source.PGTZ, null);
        }
        Optional<String> fromOptions = fromOptions(options);
        if (fromOptions.isPresent()) {
            return new Choice(fromOptions.get(), Source.OPTIONS, null);
        }
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(ROLE_SETTING)) {
                if (rs.next()) {
                    return new Choice(rs.getString(1), Source.DATABASE_OR_ROLE, null);
                }
            }
            boolean canRead;
            String logZone;
            boolean superuser;
            try (ResultSet rs = st.executeQuery(CAN_READ_FILES)) {
                rs.next();
                canRead = rs.getBoolean(1);
                logZone = rs.getString(2);
                superuser = rs.getBoolean(3);
            }
            Optional<String> commandLine = superuser ? commandLine(st) : Optional.empty();
            if (commandLine.isPresent()) {
                return new Choice(commandLine.get(), Source.COMMAND_LINE, null);
            }
            if (canRead) {
                try (ResultSet rs = st.executeQuery(FILE_SETTING)) {
                    if (!rs.next()) {
                        return new Choice(BOOT_VALUE, Source.DEFAULT, null);
                    }
                    if (rs.getBoolean(2)) {
                        return new Choice(rs.getString(1), Source.CONFIGURATION_FILE, null);
                    }
                }
            }
            return new Choice(logZone, Source.LOG_TIMEZONE, "could not read the server's configured time zone ("
                    + (canRead ? "the configuration files' last timezone setting is in error"
                            : "pg_file_settings is readable by superusers only")
                    + "); timestamptz values are written in its log_timezone \"" + logZone + "\", usually the same"
                    + " zone (set PGTZ to choose one)");
        }
    }

    /** The zone the server's command line sets; none when postmaster.opts is missing or unreadable. */
    private static Optional<String> commandLine(Statement st) {
        try {
            String opts = postmasterOpts(st);
            return opts == null ? Optional.empty() : fromCommandLine(opts);
        } catch (SQLException e) {
            // a superuser reads it, unless the operating system forbids it: then the files decide, as is usual
            return Optional.empty();
        }
    }

    /** The server's {@code postmaster.opts} (superusers), or null when it is missing. */
    static @Nullable String postmasterOpts(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(COMMAND_LINE)) {
            return rs.next() ? rs.getString(1) : null;
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
