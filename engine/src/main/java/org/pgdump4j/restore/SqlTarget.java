package org.pgdump4j.restore;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.toc.TocEntry;

/**
 * Where a restore goes: a SQL script ({@link ScriptTarget}) or a live database ({@link DatabaseTarget}). The
 * {@link Restorer} walks the selected entries once and calls these in order; each {@link #sql} call is one
 * pg_restore {@code ahprintf}, i.e. one statement batch executed (and failing) as a unit in a database.
 */
public interface SqlTarget {
    /** True for a database: comment blocks and {@code \restrict} lines are then not produced at all. */
    boolean direct();

    /** Script-only text (banners, comment blocks, blank lines); ignored by a database. */
    void comment(String text) throws IOException;

    /**
     * SQL text: printed, or executed as one batch.
     *
     * @param entry the TOC entry it belongs to (for error messages), null for session settings
     */
    void sql(@Nullable TocEntry entry, String sql) throws IOException;

    /** {@code SET client_encoding = '<name>';} of the preamble. */
    void clientEncoding(String name) throws IOException;

    /** COPY-mode table data: {@code copyStatement} then the stored rows (ending in the {@code \.} line). */
    void copy(TocEntry entry, String copyStatement, InputStream data) throws IOException;

    /** INSERT-mode table data: SQL text, several statements. */
    void insertData(TocEntry entry, InputStream data) throws IOException;

    /**
     * pg_restore's _doSetSessionAuth: {@code SET SESSION AUTHORIZATION 'user';} (or {@code DEFAULT} for null),
     * printed, or run in a database where a failure ends the restore.
     */
    default void sessionAuthorization(@Nullable String user) throws IOException {
        sql(null, sessionAuthorizationSql(user) + "\n\n");
    }

    /** The statement {@link #sessionAuthorization} runs, without its line ends. */
    static String sessionAuthorizationSql(@Nullable String user) {
        return "SET SESSION AUTHORIZATION "
                + (user == null || user.isEmpty() ? "DEFAULT" : org.pgdump4j.sql.Sql.literal(user)) + ";";
    }

    /** BEGIN (single transaction, a group of large objects). */
    void begin() throws IOException;

    /** COMMIT. */
    void commit() throws IOException;

    /**
     * Writes one large object: opens it (creating it first for archives before 1.12), writes its bytes, closes it.
     *
     * @param create           true for pre-1.12 archives, whose BLOB entries do not create the object
     * @param standardStrings  whether string literals are standard-conforming (script bytea literals)
     */
    void largeObject(TocEntry entry, long oid, boolean create, InputStream data, boolean standardStrings)
            throws IOException;

    /** Switches to another database: {@code \connect} in a script, a new connection in a database. */
    void reconnect(String dbname) throws IOException;

    /** Script only: the restrict line on entering (true) or leaving (false) psql restricted mode, and a blank. */
    default void restrict(boolean enter) throws IOException {
    }

    /** pg_restore's ArchiveStage: which part of the run an error came from (its "while ..." line under -v). */
    enum Stage {
        NONE(null),
        INITIALIZING("while INITIALIZING:"),
        PROCESSING("while PROCESSING TOC:"),
        FINALIZING("while FINALIZING:");

        final @Nullable String heading;

        Stage(@Nullable String heading) {
            this.heading = heading;
        }
    }

    /** The run enters {@code next} (a script has no errors to place). */
    default void stage(Stage next) {
    }

    /** Statement failures counted and skipped so far (always 0 for scripts). */
    int errors();

    /** The entry of the last failed statement (pg_restore's lastErrorTE), null if none failed (always for scripts). */
    default @Nullable TocEntry lastErrorEntry() {
        return null;
    }
}
