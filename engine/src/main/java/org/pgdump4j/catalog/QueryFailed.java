package org.pgdump4j.catalog;

import java.sql.SQLException;
import org.pgdump4j.PgDumpException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * pg_dump's ExecuteSqlStatement failure: {@code query failed: ERROR:  <message>} and a {@code detail: Query was: ...}
 * line (the CLI prefixes it as pg_dump does).
 */
public final class QueryFailed {
    private QueryFailed() {
    }

    public static PgDumpException of(SQLException e, String sql) {
        return new PgDumpException("query failed: " + serverText(e) + "\ndetail: Query was: " + sql, e);
    }

    /** libpq's first line for a server error ({@code ERROR:  text}); the driver's message for anything else. */
    public static String serverText(SQLException e) {
        ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (m == null || m.getMessage() == null) {
            return String.valueOf(e.getMessage());
        }
        String severity = m.getSeverity() != null ? m.getSeverity() : "ERROR";
        return severity + ":  " + m.getMessage();
    }
}
