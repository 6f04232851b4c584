package org.pgdump4j.restore;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.RestoreException;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.connect.LibpqMessage;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.toc.TocEntry;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

/**
 * Executes the restore against a live database, as pg_restore {@code -d} does: every SQL batch in its own
 * statement (autocommit unless a transaction is open), COPY data streamed through {@link CopyManager}, large
 * objects through the large-object API, no comments and no {@code \restrict} lines. A failed statement either
 * ends the restore ({@code -e}, {@code -1}) with a {@link RestoreException}, or is counted, reported to the
 * listener and skipped. Single-threaded; owns its connection.
 */
public final class DatabaseTarget implements SqlTarget, AutoCloseable {
    private static final String SECURE_SEARCH_PATH = "SELECT pg_catalog.set_config('search_path', '', false);";
    private final ConnectionSource source;
    private final boolean exitOnError;
    private final ProgressListener progress;
    private final Runnable cancelCheck;
    /** The database after {@code -C}'s reconnect; null for the source's own. */
    private @Nullable String dbname;
    /** Null only between {@link #suspend} and {@link #resume}. */
    private @Nullable Connection conn;
    private int errors;
    private @Nullable TocEntry lastErrorEntry;
    private Stage stage = Stage.INITIALIZING;
    private Stage lastErrorStage = Stage.NONE;
    private boolean warnedEncoding;

    /** Connects to the source's database at once ("connecting to database for restore"). */
    public DatabaseTarget(ConnectionSource source, boolean exitOnError, ProgressListener progress) {
        this(source, exitOnError, progress, () -> { });
    }

    /** With {@code cancelCheck}, which throws when the run is being canceled: a canceled statement is no error. */
    DatabaseTarget(ConnectionSource source, boolean exitOnError, ProgressListener progress, Runnable cancelCheck) {
        this.source = Objects.requireNonNull(source, "source");
        this.exitOnError = exitOnError;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.cancelCheck = Objects.requireNonNull(cancelCheck, "cancelCheck");
        progress.info("connecting to database for restore");
        this.conn = secured(source.open());
    }

    /**
     * A parallel worker's connection: the same parameters, only the database may differ (CVE-2020-25694).
     *
     * @param dbname the leader's database after {@code -C}, null for the source's own
     * @param cancelCheck throws when the run is being canceled (see the leader's)
     */
    DatabaseTarget(ConnectionSource source, @Nullable String dbname, boolean exitOnError, ProgressListener progress,
            Runnable cancelCheck) {
        this.source = Objects.requireNonNull(source, "source");
        this.exitOnError = exitOnError;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.cancelCheck = Objects.requireNonNull(cancelCheck, "cancelCheck");
        this.dbname = dbname;
        this.warnedEncoding = true; // the leader has said it once
        this.conn = secured(dbname == null ? source.open() : source.open(dbname));
    }

    /**
     * ConnectDatabase's first query on every connection: an empty search_path, so that nothing a database user
     * created can capture the restore's unqualified names (CVE-2018-1058).
     */
    private Connection secured(Connection c) {
        progress.info("executing " + SECURE_SEARCH_PATH);
        try (Statement st = c.createStatement()) {
            st.execute(SECURE_SEARCH_PATH);
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the query's failure is the one to report
            }
            throw new RestoreException("query failed: " + LibpqMessage.of(e, null).stripTrailing(), e);
        }
    }

    /** A worker starts where its leader stands (CloneArchive copies the stage and the last error's stage). */
    void continueFrom(DatabaseTarget leader) {
        stage = leader.stage;
        lastErrorStage = leader.lastErrorStage;
    }

    @Override
    public void stage(Stage next) {
        stage = next;
    }

    /** The current connection (after {@code -C}, the one to the created database). */
    public Connection connection() {
        return Objects.requireNonNull(conn, "connection suspended");
    }

    /** The database connected to after {@code -C}, null while it is the source's own. */
    @Nullable String dbname() {
        return dbname;
    }

    /** Closes the connection for a while (the leader of a parallel restore while its workers run). */
    void suspend() {
        close();
        conn = null;
    }

    /** Connects again to the same database after {@link #suspend}. */
    void resume() {
        conn = secured(dbname == null ? source.open() : source.open(dbname));
    }

    /** Asks the server to cancel the running statement, if any (another worker failed); best effort. */
    void cancel() {
        Connection c = conn;
        if (c == null) {
            return;
        }
        try {
            c.unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException e) {
            progress.warning("could not cancel the running statement: " + e.getMessage());
        }
    }

    @Override
    public @Nullable TocEntry lastErrorEntry() {
        return lastErrorEntry;
    }

    @Override
    public boolean direct() {
        return true;
    }

    @Override
    public void comment(String text) {
        // nothing: comments obscure SQL in error messages
    }

    @Override
    public void sql(@Nullable TocEntry entry, String sql) {
        if (sql.isBlank()) {
            return;
        }
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            failed(entry, "could not execute query: " + LibpqMessage.of(e, sql) + "Command was: " + sql, e);
        }
    }

    @Override
    public void clientEncoding(String name) {
        // PgJDBC always talks UTF8 and refuses client_encoding changes; text arrives as Java strings.
        if (!name.equals("UTF8") && !warnedEncoding) {
            warnedEncoding = true;
            progress.warning("archive encoding is " + name + ", but a direct restore runs with client_encoding UTF8;"
                    + " COPY data is sent as stored");
        }
    }

    @Override
    public void copy(TocEntry entry, String copyStatement, InputStream data) throws IOException {
        CopyIn in;
        try {
            in = conn.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement);
        } catch (SQLException e) {
            // the COPY command itself failed (ExecuteSqlCommand's words); its rows have nowhere to go
            data.transferTo(OutputStream.nullOutputStream());
            failed(entry, "could not execute query: " + LibpqMessage.of(e, copyStatement) + "Command was: "
                    + copyStatement, e);
            return;
        }
        try {
            InputStream rows = new CopyEndStream(data);
            byte[] buf = new byte[65536];
            for (int n = rows.read(buf); n >= 0; n = rows.read(buf)) {
                in.writeToCopy(buf, 0, n);
            }
            in.endCopy();
        } catch (SQLException e) {
            if (connectionLost(e)) {
                // pg_restore dies here too: the rest of the data has nowhere to go
                failed(entry, "error returned by PQputCopyData: " + LibpqMessage.of(e, null), e);
            }
            data.transferTo(OutputStream.nullOutputStream());
            failed(entry, "COPY failed for table \"" + entry.tag() + "\": " + LibpqMessage.of(e, copyStatement), e);
        } catch (IOException | RuntimeException e) {
            cancelCopy(in);
            throw e;
        }
    }

    /** Ends a COPY whose rows could not be read, so that the connection can go on (or be closed) cleanly. */
    private void cancelCopy(CopyIn in) {
        try {
            if (in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException e) {
            progress.warning("could not cancel COPY: " + e.getMessage());
        }
    }

    /** As pg_restore: failing to become {@code user} is fatal, whatever -e says. */
    @Override
    public void sessionAuthorization(@Nullable String user) {
        String sql = SqlTarget.sessionAuthorizationSql(user);
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new RestoreException("could not set session user to \"" + (user == null ? "" : user) + "\": "
                    + LibpqMessage.of(e, sql).stripTrailing(), e);
        }
    }

    @Override
    public void insertData(TocEntry entry, InputStream data) throws IOException {
        Reader r = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8));
        StringBuilder cmd = new StringBuilder();
        int state = 0; // 0 scan, 1 in '...', 2 in "..."
        for (int c = r.read(); c >= 0; c = r.read()) {
            char ch = (char) c;
            if (!(ch == '\n' && cmd.length() == 0)) {
                cmd.append(ch);
            }
            switch (state) {
                case 0 -> {
                    if (ch == ';') {
                        sql(entry, cmd.toString());
                        cmd.setLength(0);
                    } else if (ch == '\'') {
                        state = 1;
                    } else if (ch == '"') {
                        state = 2;
                    }
                }
                case 1 -> {
                    if (ch == '\'') {
                        state = 0; // standard_conforming_strings is on: backslashes are ordinary
                    }
                }
                default -> {
                    if (ch == '"') {
                        state = 0;
                    }
                }
            }
        }
    }

    @Override
    public void begin() {
        try {
            conn.setAutoCommit(false);
        } catch (SQLException e) {
            failed(null, "could not start database transaction: " + LibpqMessage.of(e, null) + "Command was: BEGIN",
                    e);
        }
    }

    @Override
    public void commit() {
        try {
            conn.commit();
            conn.setAutoCommit(true);
        } catch (SQLException e) {
            failed(null, "could not commit database transaction: " + LibpqMessage.of(e, null)
                    + "Command was: COMMIT", e);
        }
    }

    @Override
    public void largeObject(TocEntry entry, long oid, boolean create, InputStream data, boolean standardStrings)
            throws IOException {
        try {
            LargeObjectManager lom = conn.unwrap(PGConnection.class).getLargeObjectAPI();
            if (create) {
                try (Statement st = conn.createStatement()) {
                    st.execute("SELECT pg_catalog.lo_create('" + oid + "')");
                }
            }
            LargeObject lo = lom.open(oid, LargeObjectManager.WRITE);
            try {
                for (byte[] piece = data.readNBytes(ScriptTarget.LO_BUFFER); piece.length > 0;
                        piece = data.readNBytes(ScriptTarget.LO_BUFFER)) {
                    lo.write(piece);
                }
            } finally {
                lo.close();
            }
        } catch (SQLException e) {
            data.transferTo(OutputStream.nullOutputStream());
            String why = LibpqMessage.of(e, null).stripTrailing();
            throw new RestoreException("could not write large object " + oid + ": " + why, e);
        }
    }

    @Override
    public void reconnect(String dbname) {
        Connection next = secured(source.open(dbname));
        close();
        conn = next;
        this.dbname = dbname;
    }

    @Override
    public int errors() {
        return errors;
    }

    @Override
    public void close() {
        if (conn == null) {
            return;
        }
        try {
            conn.close();
        } catch (SQLException e) {
            progress.warning("could not close connection: " + e.getMessage());
        }
    }

    /**
     * pg_restore's warn_or_exit_horribly: under -v, the stage and the TOC entry the first error of each came from;
     * one trailing newline of the message dropped as pg_log_error drops it (libpq's text ends in one). A lost
     * connection ends the restore at its first error, as pg_restore's COPY path does, instead of one "no
     * connection to the server" error for every entry left.
     */
    private void failed(@Nullable TocEntry entry, String message, SQLException cause) {
        cancelCheck.run();
        if (stage != lastErrorStage && stage.heading != null) {
            progress.info(stage.heading);
        }
        if (entry != null && entry != lastErrorEntry) {
            progress.info("from TOC entry " + TocListing.errorLine(entry));
        }
        lastErrorStage = stage;
        lastErrorEntry = entry;
        String text = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
        if (exitOnError || connectionLost(cause)) {
            throw new RestoreException(text, cause);
        }
        errors++;
        RestoreListener.error(progress, text);
    }

    /**
     * The session is gone: a connection failure (SQLSTATE class 08), the server ending it (57P01
     * admin_shutdown: pg_terminate_backend, DROP DATABASE ... WITH (FORCE); 57P02, 57P03), or the driver having
     * closed it.
     */
    private boolean connectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        try {
            return conn.isClosed();
        } catch (SQLException ignored) {
            return true;
        }
    }

    /**
     * Ends a COPY stream after its {@code \.} line: the archive keeps two empty lines after it, which the
     * server must not see as data.
     */
    static final class CopyEndStream extends InputStream {
        private final InputStream in;
        private boolean lineStart = true;
        private int state; // 0 normal, 1 saw "\" at line start, 2 saw "\." at line start, 3 ended
        private boolean ended;

        CopyEndStream(InputStream in) {
            this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 65536);
        }

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            int c = in.read();
            if (c < 0) {
                ended = true;
                return -1;
            }
            track(c);
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                in.transferTo(OutputStream.nullOutputStream());
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n = in.read(b, off, len);
            if (n < 0) {
                ended = true;
                return -1;
            }
            for (int i = 0; i < n; i++) {
                track(b[off + i] & 0xff);
                if (ended) {
                    return i + 1; // the rest (the empty lines after the \. line) is not COPY data
                }
            }
            return n;
        }

        private void track(int c) {
            if (state == 1) {
                state = c == '.' ? 2 : 0;
            } else if (state == 2) {
                if (c == '\n') {
                    ended = true;
                }
                state = 0;
            } else if (lineStart && c == '\\') {
                state = 1;
            }
            lineStart = c == '\n';
        }
    }
}
