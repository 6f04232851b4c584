package org.pgdump4j.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.PgDumpException;
import org.postgresql.core.BaseConnection;

/**
 * A connection we use but do not own (a pool's or the caller's): handed out as a proxy whose {@code close()} puts
 * its {@link SessionState} back instead of closing it, and then gives it back ({@code release}). A connection whose
 * state cannot be put back is aborted rather than returned changed, so a pool drops it.
 */
final class Borrowed {
    /** What happens to the connection once its state is back (a pooled one is closed, i.e. returned). */
    interface Release {
        void release(Connection conn) throws SQLException;
    }

    /**
     * Whose connection it is.
     *
     * @param name     what messages call it ("a DataSource's connection", "the caller's connection")
     * @param pooled   true when it goes back to a pool: one whose state cannot be put back is aborted (the pool then
     *                 drops it); the caller's own is left to the caller, with the exception saying why
     */
    record Owner(String name, boolean pooled) {
        static final Owner POOL = new Owner("a DataSource's connection", true);
        static final Owner CALLER = new Owner("the caller's connection", false);
    }

    private Borrowed() {
    }

    /**
     * {@code conn}, state captured now, behind a proxy restoring it on {@code close()}.
     */
    static Connection wrap(Connection conn, Release release, Owner owner) {
        SessionState state;
        try {
            state = SessionState.capture(conn);
        } catch (SQLException e) {
            throw new ConnectionException("could not read the state of " + owner.name() + ": " + e.getMessage(), e);
        }
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Borrowed.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (closed.compareAndSet(false, true)) {
                                giveBack(conn, state, release, owner);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return closed.get() || conn.isClosed();
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {
                            if (closed.get() && !method.getName().equals("toString")) {
                                throw new SQLException("This connection has been closed.", "08003");
                            }
                            try {
                                return method.invoke(conn, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    private static void giveBack(Connection conn, SessionState state, Release release, Owner owner)
            throws SQLException {
        try {
            if (!conn.isClosed()) {
                state.restore(conn);
            }
        } catch (SQLException | RuntimeException e) {
            if (owner.pooled()) {
                try {
                    conn.abort(Runnable::run); // never back to its pool changed
                } catch (SQLException | RuntimeException abort) {
                    e.addSuppressed(abort);
                }
            }
            release.release(conn);
            throw new PgDumpException("could not restore the session state of " + owner.name() + ": "
                    + e.getMessage(), e);
        }
        release.release(conn);
    }

    /**
     * The database a connection is connected to, from its startup parameters: no query, which would begin a
     * transaction on a connection out of autocommit ({@code getCatalog()} asks the server).
     */
    static String database(Connection conn) {
        try {
            return Objects.requireNonNull(conn.unwrap(BaseConnection.class).getQueryExecutor().getDatabase(),
                    "database");
        } catch (SQLException e) {
            throw new ConnectionException("could not read the connection's database: " + e.getMessage(), e);
        }
    }
}
