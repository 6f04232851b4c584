package org.pgdump4j.compat;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.embedded.EmbeddedPostgres;
import org.pgdump4j.testing.TestDb;

/** A ConnectionSource straight onto a test server, for tests of the dump engine below the CLI. */
record TestSource(EmbeddedPostgres server, String dbname) implements ConnectionSource {
    static TestSource of(TestDb db) {
        return new TestSource(db.server(), db.name());
    }

    @Override
    public Connection open() {
        return open(dbname);
    }

    @Override
    public Connection open(String db) {
        try {
            return server.connect(db);
        } catch (SQLException e) {
            throw new ConnectionException(e.getMessage(), e);
        }
    }

    @Override
    public @Nullable String clientEncoding() {
        return null; // a test server's JDBC connection
    }
}
