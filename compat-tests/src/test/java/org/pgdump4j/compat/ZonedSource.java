package org.pgdump4j.compat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.testing.TestDb;

/**
 * A ConnectionSource onto a test database whose sessions run with {@code TimeZone} set to {@code zone}: a client in
 * another time zone than the server's, as PGTZ makes one for the real tools.
 */
record ZonedSource(TestDb db, String zone) implements ConnectionSource {
    @Override
    public Connection open() {
        return open(db.name());
    }

    @Override
    public Connection open(String dbname) {
        Connection c = TestSource.of(db).open(dbname);
        try (Statement st = c.createStatement()) {
            st.execute("SET TimeZone = " + Sql.literal(zone));
            return c;
        } catch (SQLException e) {
            throw new ConnectionException(e.getMessage(), e);
        }
    }

    @Override
    public String dbname() {
        return db.name();
    }

    @Override
    public @Nullable String clientEncoding() {
        return null; // a test server's JDBC connection
    }
}
