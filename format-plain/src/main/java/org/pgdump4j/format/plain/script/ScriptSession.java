package org.pgdump4j.format.plain.script;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.connect.ConnectionSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.BaseStatement;
import org.postgresql.core.CachedQuery;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.SqlCommand;
import org.postgresql.core.SqlCommandType;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

/** One connection of a script run (a {@code \connect} opens the next one). Single-threaded. */
final class ScriptSession implements AutoCloseable {
    private static final Pattern COPY_LINE = Pattern.compile(", line (\\d{1,18})");

    private final String database;
    private final Connection connection;
    private final CopyManager copyManager;
    private final @Nullable BaseConnection base;
    /** Warnings of the statements run since the last {@link #drainNotices}. */
    private final List<SQLWarning> warnings = new ArrayList<>();

    private ScriptSession(String database, Connection connection, CopyManager copyManager,
                          @Nullable BaseConnection base) {
        this.database = database;
        this.connection = connection;
        this.copyManager = copyManager;
        this.base = base;
    }

    /**
     * Connects to {@code database} (null: the source's own), autocommit on unless {@code transaction}.
     *
     * @throws ConnectionException (from the source, or when the connection is not PgJDBC's)
     */
    static ScriptSession open(ConnectionSource source, @Nullable String database, boolean transaction) {
        Connection connection = database == null ? source.open() : source.open(database);
        String name = database == null ? source.dbname() : database;
        try {
            connection.setAutoCommit(!transaction);
            CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
            BaseConnection base = connection.isWrapperFor(BaseConnection.class)
                    ? connection.unwrap(BaseConnection.class) : null;
            return new ScriptSession(name, connection, copyManager, base);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw new ConnectionException("could not prepare the connection to database \"" + name + "\": "
                    + e.getMessage(), e);
        }
    }

    String database() {
        return database;
    }

    /**
     * Runs one statement as psql does, with the simple query protocol, and as written: no JDBC escape rewriting
     * ({@code {fn ...}}), no parsing or splitting by the driver. Such a query is sent from this very String (the
     * driver adds only its encoded bytes), so a 50 MB statement costs about 50 MB more while it is sent, not the
     * three or four copies of the driver's own parse. A statement of its own each time: nothing keeps the text
     * (or a result set that names it) alive after the run.
     */
    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            try {
                if (base != null && statement.isWrapperFor(BaseStatement.class)) {
                    QueryExecutor executor = base.getQueryExecutor();
                    Query query = executor.wrap(List.of(
                            new NativeQuery(sql, SqlCommand.createStatementTypeInfo(SqlCommandType.BLANK))));
                    statement.unwrap(BaseStatement.class).executeWithFlags(new CachedQuery(sql, query, false),
                            QueryExecutor.QUERY_EXECUTE_AS_SIMPLE);
                } else {
                    statement.execute(sql);
                }
            } finally {
                SQLWarning warning = statement.getWarnings();
                if (warning != null) {
                    warnings.add(warning);
                }
            }
        }
    }

    CopyIn copyIn(String sql) throws SQLException {
        return copyManager.copyIn(sql);
    }

    /** The server's standard_conforming_strings, as PgJDBC last saw it; empty if the driver does not say. */
    Optional<Boolean> standardConformingStrings() {
        return base == null ? Optional.empty() : Optional.of(base.getStandardConformingStrings());
    }

    /** True once the driver has closed the connection (the server went away). */
    boolean isBroken() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Server notices and warnings since the last call, as psql prints them ({@code WARNING:  text}). */
    List<Notice> drainNotices() throws SQLException {
        List<Notice> notices = new ArrayList<>();
        for (SQLWarning warning : warnings) {
            collect(warning, notices);
        }
        warnings.clear();
        if (isBroken()) {
            return notices;
        }
        collect(connection.getWarnings(), notices);
        connection.clearWarnings();
        return notices;
    }

    private static void collect(@Nullable SQLWarning warning, List<Notice> out) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            ServerErrorMessage m = w instanceof PSQLWarning pw ? pw.getServerErrorMessage() : null;
            if (m != null && m.getSeverity() != null && m.getMessage() != null) {
                boolean warningOrWorse = !m.getSeverity().startsWith("NOTICE") && !m.getSeverity().startsWith("INFO")
                        && !m.getSeverity().startsWith("LOG") && !m.getSeverity().startsWith("DEBUG");
                out.add(new Notice(m.getSeverity() + ":  " + m.getMessage(), warningOrWorse));
            } else {
                out.add(new Notice("WARNING:  " + w.getMessage(), true));
            }
        }
    }

    /** A server message that is not an error; {@code warning} for WARNING, false for NOTICE, INFO and the like. */
    record Notice(String text, boolean warning) {
    }

    void commit() throws SQLException {
        connection.commit();
    }

    void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** psql's one-line form of a server error: {@code ERROR:  relation "x" already exists}. */
    static String describe(SQLException e) {
        ServerErrorMessage m = e instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
        if (m != null && m.getSeverity() != null && m.getMessage() != null) {
            return m.getSeverity() + ":  " + m.getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The 1-based line of COPY data a server error names ({@code COPY t, line 3, column c: ...}), or 0. */
    static long copyDataLine(SQLException e) {
        ServerErrorMessage m = e instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
        String where = m == null ? null : m.getWhere();
        if (where == null || !where.startsWith("COPY ")) {
            return 0;
        }
        Matcher line = COPY_LINE.matcher(where);
        return line.find() ? Long.parseLong(line.group(1)) : 0;
    }
}
