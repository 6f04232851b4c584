package org.pgdump4j.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.UsageException;
import org.pgdump4j.connect.ConnectionSource;

/**
 * Connections from the caller's {@link DataSource} (a pool, typically), each given back with its session state as
 * it came. A dump takes two at once (the main one and a reader in its snapshot; with only one, it works alone).
 * A DataSource reaches one database, so what needs another ({@code --create}'s reconnect) is refused.
 */
final class DataSourceSource implements ConnectionSource {
    private final DataSource dataSource;
    private volatile String dbname;

    DataSourceSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Connection open() {
        Connection conn;
        try {
            conn = dataSource.getConnection();
        } catch (SQLException e) {
            throw new ConnectionException("connection to database failed: " + e.getMessage(), e);
        }
        try {
            if (dbname == null) {
                dbname = Borrowed.database(conn);
            }
            return Borrowed.wrap(conn, Connection::close, "a DataSource's connection");
        } catch (RuntimeException e) {
            try {
                conn.close();
            } catch (SQLException c) {
                e.addSuppressed(c);
            }
            throw e;
        }
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
}
