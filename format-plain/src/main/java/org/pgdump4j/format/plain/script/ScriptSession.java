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
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

/** One connection of a script run (a {@code \connect} opens the next one). Single-threaded. */
final class ScriptSession implements AutoCloseable {
    private static final Pattern COPY_LINE = Pattern.compile(", line (\\d{1,18})");

    private final String database;
    private final Connection connection;
    private final Statement statement;
    private final CopyManager copyManager;
    private final @Nullable BaseConnection base;

    private ScriptSession(String database, Connection connection, Statement statement, CopyManager copyManager,
                          @Nullable BaseConnection base) {
        this.database = database;
        this.connection = connection;
        this.statement = statement;
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
            Statement statement = connection.createStatement();
            // script text goes to the server as written: no JDBC {fn ...} / {d '...'} rewriting
            statement.setEscapeProcessing(false);
            CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
            BaseConnection base = connection.isWrapperFor(BaseConnection.class)
                    ? connection.unwrap(BaseConnection.class) : null;
            return new ScriptSession(name, connection, statement, copyManager, base);
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

    void execute(String sql) throws SQLException {
        statement.execute(sql);
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
        if (isBroken()) {
            return notices;
        }
        collect(statement.getWarnings(), notices);
        statement.clearWarnings();
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
        try {
            statement.close();
        } finally {
            connection.close();
        }
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
