package org.pgdump4j.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.pgdump4j.UsageException;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * What a borrowed connection (a pool's, or the caller's own) looked like before a dump or restore used it, and how
 * to put it back: the JDBC autocommit and read-only flags, the session's role, and every setting a session may
 * change ({@code SET}: pg_settings of context user or superuser), put back one by one where it differs. A dump
 * sets search_path, row_security, extra_float_digits and more; a restore runs the archive's own SETs.
 */
final class SessionState {
    /** The settings a session can change, as {@code SET} would take them back (transaction_* last only a transaction). */
    private static final String SETTINGS = "SELECT name, pg_catalog.current_setting(name) FROM pg_catalog.pg_settings"
            + " WHERE context IN ('user', 'superuser') AND name NOT LIKE 'transaction\\_%'";

    private final boolean autoCommit;
    private final boolean readOnly;
    private final String sessionAuthorization;
    private final String role;
    private final Map<String, String> settings;

    private SessionState(boolean autoCommit, boolean readOnly, String sessionAuthorization, String role,
            Map<String, String> settings) {
        this.autoCommit = autoCommit;
        this.readOnly = readOnly;
        this.sessionAuthorization = sessionAuthorization;
        this.role = role;
        this.settings = settings;
    }

    /**
     * Reads the state of {@code conn}, then leaves it in autocommit (as a new libpq connection is).
     *
     * @throws UsageException when a transaction is open on it: a dump takes its own snapshot, and a restore must not
     *                        commit the caller's work
     */
    static SessionState capture(Connection conn) throws SQLException {
        if (transactionState(conn) != TransactionState.IDLE) {
            throw new UsageException("the connection is inside a transaction: commit or roll it back before a dump"
                    + " or restore uses it");
        }
        boolean autoCommit = conn.getAutoCommit();
        boolean readOnly = conn.isReadOnly();
        conn.setAutoCommit(true);
        return new SessionState(autoCommit, readOnly, setting(conn, "session_authorization"), setting(conn, "role"),
                settings(conn));
    }

    /**
     * Ends whatever transaction is open (rolled back), then puts every setting back; the connection can go back to
     * its pool, or to the caller, as it came.
     */
    void restore(Connection conn) throws SQLException {
        if (transactionState(conn) != TransactionState.IDLE) {
            conn.rollback();
        }
        conn.setAutoCommit(true);
        if (!setting(conn, "session_authorization").equals(sessionAuthorization)) {
            // always allowed back to the authenticated user; a superuser's session may go anywhere
            setConfig(conn, "session_authorization", sessionAuthorization);
        }
        if (!setting(conn, "role").equals(role)) {
            setConfig(conn, "role", role);
        }
        Map<String, String> now = settings(conn);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (!e.getValue().equals(now.get(e.getKey()))) {
                setConfig(conn, e.getKey(), e.getValue());
            }
        }
        if (conn.isReadOnly() != readOnly) {
            conn.setReadOnly(readOnly);
        }
        conn.setAutoCommit(autoCommit);
    }

    private static TransactionState transactionState(Connection conn) throws SQLException {
        return conn.unwrap(BaseConnection.class).getTransactionState();
    }

    private static Map<String, String> settings(Connection conn) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(SETTINGS)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static String setting(Connection conn, String name) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_catalog.current_setting(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void setConfig(Connection conn, String name, String value) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_catalog.set_config(?, ?, false)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.execute();
        }
    }
}
