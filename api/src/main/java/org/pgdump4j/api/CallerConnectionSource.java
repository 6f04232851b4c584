package org.pgdump4j.api;

import java.sql.Connection;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.connect.ConnectionSource;

/**
 * The caller's own {@link Connection}: used, never closed, and left exactly as found (every setting put back, no
 * transaction left open, autocommit and read-only as they were; see {@link SessionState}). One user at a time: a
 * dump's second reader is refused and the dump reads on this one alone; another database is refused.
 */
final class CallerConnectionSource implements ConnectionSource {
    private final Connection conn;
    private final String dbname;
    private boolean inUse;

    CallerConnectionSource(Connection conn) {
        this.conn = Objects.requireNonNull(conn, "conn");
        this.dbname = Borrowed.database(conn);
    }

    @Override
    public synchronized Connection open() {
        if (inUse) {
            throw new ConnectionException("the caller's connection is already in use");
        }
        Connection wrapped = Borrowed.wrap(conn, released -> release(), Borrowed.Owner.CALLER);
        inUse = true;
        return wrapped;
    }

    private synchronized void release() {
        inUse = false;
    }

    @Override
    public Connection open(String other) {
        if (other.equals(dbname)) {
            return open();
        }
        throw DataSourceSource.otherDatabase(other);
    }

    @Override
    public String dbname() {
        return dbname;
    }

    @Override
    public @Nullable String clientEncoding() {
        return null; // the caller's connection speaks UTF8: no libpq settings
    }
}
