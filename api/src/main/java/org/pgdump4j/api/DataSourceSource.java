package org.pgdump4j.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.UsageException;
import org.pgdump4j.connect.ConnectionSource;

/**
 * Connections from the caller's {@link DataSource} (a pool, typically), each given back with its session state as
 * it came. A dump takes two at once where the pool has them (the main one, and a reader in its snapshot); without
 * a second one within {@link #SECOND_CONNECTION_WAIT}, it reads on the first alone.
 * A DataSource reaches one database, so what needs another ({@code --create}'s reconnect) is refused.
 */
final class DataSourceSource implements ConnectionSource {
    /** How long a second connection may keep a dump waiting. */
    static final Duration SECOND_CONNECTION_WAIT = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile String dbname;

    DataSourceSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Connection open() {
        Connection conn = outstanding.get() == 0 ? take() : takeWithin(SECOND_CONNECTION_WAIT);
        try {
            if (dbname == null) {
                dbname = Borrowed.database(conn);
            }
            Connection wrapped = Borrowed.wrap(conn, c -> {
                outstanding.decrementAndGet();
                c.close();
            }, Borrowed.Owner.POOL);
            outstanding.incrementAndGet();
            return wrapped;
        } catch (RuntimeException e) {
            try {
                conn.close();
            } catch (SQLException c) {
                e.addSuppressed(c);
            }
            throw e;
        }
    }

    private Connection take() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new ConnectionException("connection to database failed: " + e.getMessage(), e);
        }
    }

    /**
     * A connection while another is out (a dump's second reader): a pool with none free would make the dump wait its
     * whole timeout, so after {@code wait} the dump goes on without it; one that comes later goes back at once.
     */
    private Connection takeWithin(Duration wait) {
        CompletableFuture<Connection> f = CompletableFuture.supplyAsync(this::take, r -> {
            Thread t = new Thread(r, "pgdump4j-datasource");
            t.setDaemon(true);
            t.start();
        });
        try {
            return f.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            giveBackLate(f);
            throw new ConnectionException("no second connection from the DataSource within " + wait.toMillis()
                    + " ms", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new ConnectionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveBackLate(f);
            throw new ConnectionException("interrupted while waiting for a connection", e);
        }
    }

    private static void giveBackLate(CompletableFuture<Connection> f) {
        f.thenAccept(late -> {
            try {
                late.close();
            } catch (SQLException ignored) {
                // back to its pool or gone: either way no longer ours
            }
        });
    }

    @Override
    public Connection open(String other) {
        if (other.equals(dbname())) {
            return open();
        }
        throw otherDatabase(other);
    }

    @Override
    public String dbname() {
        String known = dbname;
        if (known == null) {
            try (Connection conn = open()) {
                known = Borrowed.database(conn);
            } catch (SQLException e) {
                throw new ConnectionException("connection to database failed: " + e.getMessage(), e);
            }
        }
        return known;
    }

    static UsageException otherDatabase(String other) {
        return new UsageException("cannot connect to database \"" + other + "\" through a DataSource or a"
                + " Connection, which reach one database: give a connection string or a JDBC URL instead");
    }

    @Override
    public @Nullable String clientEncoding() {
        return null; // a pool's connections: no libpq settings
    }
}
