package org.pgdump4j.monitor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.CanceledException;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.progress.Cancellation;
import org.postgresql.PGConnection;

/**
 * Internal: watches one run for its {@link Cancellation} or an interrupt of its thread. A thread blocked in a
 * socket read (a query, a COPY) cannot see either, so a watcher thread polls both and, once either is seen, sends
 * the server a cancel request for every open connection of the run (again every quarter second, so a query the run
 * starts meanwhile is stopped too) until the run's thread has seen the cancel ({@link #check()} threw). The run's
 * own loops call {@link #check()}; whatever the run fails with once the watch has fired becomes a
 * {@link CanceledException} ({@link #translate}). A connection leaves the watch as its {@code close()} begins, so
 * what closing runs (a borrowed connection's settings put back) is not canceled.
 */
public final class CancelWatch implements AutoCloseable {
    private static final long POLL_MILLIS = 50;
    private static final long RESEND_MILLIS = 250;

    private final Cancellation handle;
    private final Thread runner;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Thread watcher;
    private volatile boolean fired;
    private volatile boolean seen; // the run's thread met the cancel: it is unwinding, nothing more to stop
    private volatile boolean stopped;
    private final Object sending = new Object(); // held while cancel requests go out and while a connection leaves

    private CancelWatch(Cancellation handle, Thread runner) {
        this.handle = handle;
        this.runner = runner;
        this.watcher = new Thread(this::watch, "pgdump4j-cancel-watch");
        watcher.setDaemon(true);
    }

    /**
     * Starts watching the calling thread.
     *
     * @throws CanceledException when {@code handle} is canceled or the thread interrupted already
     */
    public static CancelWatch start(Cancellation handle) {
        CancelWatch w = new CancelWatch(Objects.requireNonNull(handle, "handle"), Thread.currentThread());
        w.check();
        w.watcher.start();
        return w;
    }

    /** True once the run was asked to stop. */
    public boolean fired() {
        if (!fired && (handle.isCanceled() || runner.isInterrupted())) {
            fired = true;
        }
        return fired;
    }

    /** Throws when the run was asked to stop; cheap enough for every read of a data stream. */
    public void check() {
        if (fired()) {
            seen = true;
            throw new CanceledException();
        }
    }

    /** {@code e}, or a {@link CanceledException} caused by it when the run was asked to stop. */
    public RuntimeException translate(RuntimeException e) {
        if (!fired()) {
            return e;
        }
        seen = true;
        return e instanceof CanceledException ? e : new CanceledException(e);
    }

    /** {@code source}, its connections watched: a cancel request reaches whatever they run. */
    public ConnectionSource watching(ConnectionSource source) {
        Objects.requireNonNull(source, "source");
        return new ConnectionSource() {
            @Override
            public Connection open() {
                return watched(source.open());
            }

            @Override
            public Connection open(String dbname) {
                return watched(source.open(dbname));
            }

            @Override
            public String dbname() {
                return source.dbname();
            }

            @Override
            public @Nullable String clientEncoding() {
                return source.clientEncoding();
            }
        };
    }

    private Connection watched(Connection c) {
        if (fired()) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing what was opened too late; the cancel is the news
            }
            throw new CanceledException();
        }
        connections.add(c);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        synchronized (sending) {
                            connections.remove(c);
                        }
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void watch() {
        long lastSent = 0;
        while (!stopped) {
            if (fired() && !seen) {
                long now = System.nanoTime();
                if (lastSent == 0 || now - lastSent >= RESEND_MILLIS * 1_000_000) {
                    cancelQueries();
                    lastSent = now;
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return; // close() stops the watch
            }
        }
    }

    private void cancelQueries() {
        synchronized (sending) {
            cancelEach();
        }
    }

    private void cancelEach() {
        for (Connection c : connections) {
            try {
                if (c.isClosed()) {
                    connections.remove(c);
                } else {
                    c.unwrap(PGConnection.class).cancelQuery();
                }
            } catch (SQLException | RuntimeException e) {
                // the connection is closing under us, or the server is gone: nothing left to stop there
            }
        }
    }

    /**
     * Stops the watcher thread and waits for it (a second at most: a cancel request in flight may take a moment),
     * also when the run's thread is interrupted, whose flag stays set.
     */
    @Override
    public void close() {
        stopped = true;
        watcher.interrupt();
        long deadline = System.nanoTime() + 1_000_000_000L;
        boolean interrupted = false;
        while (watcher.isAlive() && System.nanoTime() < deadline) {
            try {
                watcher.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
