package org.pgdump4j.dump;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.catalog.QueryFailed;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.ServerInfo;
import org.pgdump4j.sql.Sql;

/**
 * Prepares a dump connection the way pg_dump does: a secure empty search_path, fixed output settings, then a
 * REPEATABLE READ, READ ONLY transaction whose snapshot every later read sees.
 */
final class DumpSession {
    private DumpSession() {
    }

    /** With pg_dump's default session settings. */
    static ServerInfo open(Connection conn, @Nullable String encoding) {
        return open(conn, encoding, DumpOptions.Session.DEFAULTS);
    }

    /**
     * @param encoding the {@code -E} value, or null for the server encoding
     * @param session  {@code --role}, {@code --extra-float-digits}, {@code --enable-row-security}
     * @return what the dump's header and quoting depend on
     */
    static ServerInfo open(Connection conn, @Nullable String encoding, DumpOptions.Session session) {
        return open(conn, encoding, session, false);
    }

    /**
     * {@link #open(Connection, String, DumpOptions.Session)}; {@code serializableDeferrable} begins a SERIALIZABLE,
     * READ ONLY, DEFERRABLE transaction instead ({@code --serializable-deferrable}, the leader's only: pg_dump's
     * workers stay REPEATABLE READ inside the leader's snapshot).
     */
    static ServerInfo open(Connection conn, @Nullable String encoding, DumpOptions.Session session,
            boolean serializableDeferrable) {
        try {
            conn.setAutoCommit(true);
            exec(conn, "SELECT pg_catalog.set_config('search_path', '', false)");
            int versionNum;
            String version;
            String serverEncoding;
            boolean std;
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_catalog.current_setting('server_version_num')::int,"
                         + " pg_catalog.current_setting('server_version'),"
                         + " pg_catalog.current_setting('server_encoding'),"
                         + " pg_catalog.current_setting('standard_conforming_strings')")) {
                rs.next();
                versionNum = rs.getInt(1);
                version = rs.getString(2);
                serverEncoding = rs.getString(3);
                std = "on".equals(rs.getString(4));
            }
            ServerFeatures features = new ServerFeatures(versionNum);
            String clientEncoding = encoding == null ? serverEncoding : Encodings.canonical(conn, encoding);
            if (session.role() != null) {
                exec(conn, "SET ROLE " + Sql.ident(session.role()));
            }
            // pg_dump's settings, sent together: one round trip on every connection instead of ten
            List<String> settings = new ArrayList<>();
            settings.add("SET DATESTYLE = ISO");
            settings.add("SET INTERVALSTYLE = POSTGRES");
            Integer digits = session.extraFloatDigits();
            settings.add("SET extra_float_digits TO " + (digits == null ? 3 : digits));
            settings.add("SET synchronize_seqscans TO off");
            settings.add("SET statement_timeout = 0");
            settings.add("SET lock_timeout = 0");
            settings.add("SET idle_in_transaction_session_timeout = 0");
            if (features.hasTransactionTimeout()) {
                settings.add("SET transaction_timeout = 0");
            }
            settings.add("SET row_security = " + (session.enableRowSecurity() ? "on" : "off"));
            if (session.quoteAllIdentifiers()) {
                settings.add(DumpOptions.Session.SET_QUOTE_ALL_IDENTIFIERS);
            }
            exec(conn, String.join("; ", settings));
            // CVE-2024-7348: never let a view or foreign table run code under our snapshot (no-op where unknown).
            restrictRelationKinds(conn, RESTRICTED_KINDS);
            conn.setAutoCommit(false);
            exec(conn, isolation(serializableDeferrable));
            return new ServerInfo(version, versionNum, clientEncoding, std);
        } catch (SQLException e) {
            throw new ConnectionException("could not set up the dump session: " + e.getMessage(), e);
        }
    }

    /**
     * Exports the snapshot of the transaction {@link #open} began, which must not have read anything yet, for a
     * second connection to share; null when the server refuses (a pooler, a subtransaction): the failed statement
     * aborted the transaction, so it is begun again (with {@code serializableDeferrable}'s isolation), still before its
     * first read. With {@code required} (a parallel dump's workers need it), a refusal fails as pg_dump's query does.
     */
    static @Nullable String exportSnapshot(Connection conn, boolean required, boolean serializableDeferrable) {
        String sql = "SELECT pg_catalog.pg_export_snapshot()";
        try {
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException e) {
                if (required) {
                    throw QueryFailed.of(e, sql);
                }
                conn.rollback();
                exec(conn, isolation(serializableDeferrable));
                return null;
            }
        } catch (SQLException e) {
            throw new ConnectionException("could not set up the dump session: " + e.getMessage(), e);
        }
    }

    private static String isolation(boolean serializableDeferrable) {
        return serializableDeferrable ? "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY, DEFERRABLE"
                : "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
    }

    /**
     * Makes the transaction {@link #open} began see {@code snapshot} ({@code --snapshot}, a parallel worker's import
     * of the leader's); fails as pg_dump's {@code SET TRANSACTION SNAPSHOT} does.
     */
    static void useSnapshot(Connection conn, String snapshot) {
        String sql = "SET TRANSACTION SNAPSHOT " + Sql.literal(snapshot);
        try {
            exec(conn, sql);
        } catch (SQLException e) {
            throw QueryFailed.of(e, sql);
        }
    }

    /** What restrict_nonsystem_relation_kind holds during a dump, but while a foreign table's rows are read. */
    static final String RESTRICTED_KINDS = "view, foreign-table";

    /** pg_dump's set_restrict_relation_kind: a no-op on servers without the setting. */
    static void restrictRelationKinds(Connection conn, String kinds) throws SQLException {
        exec(conn, "SELECT pg_catalog.set_config(name, " + Sql.literal(kinds) + ", false) FROM pg_catalog.pg_settings"
                + " WHERE name = 'restrict_nonsystem_relation_kind'");
    }

    private static void exec(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }
}
