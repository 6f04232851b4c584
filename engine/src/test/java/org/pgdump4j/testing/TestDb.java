package org.pgdump4j.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.pgdump4j.embedded.EmbeddedPostgres;

/**
 * One test's own database, created empty from {@code template0} (UTF8, C.UTF-8) on a shared server. Closing it drops
 * the database; {@link PgExtension} does that after each test.
 */
public final class TestDb implements AutoCloseable {
    private final EmbeddedPostgres server;
    private final String name;

    TestDb(EmbeddedPostgres server, String name) {
        this.server = server;
        this.name = name;
    }

    public EmbeddedPostgres server() {
        return server;
    }

    public int major() {
        return server.major();
    }

    public String name() {
        return name;
    }

    /** The JDBC URL of this database, without user (see {@link EmbeddedPostgres#jdbcUrl(String)}). */
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** A new superuser connection to this database, autocommit on. The caller closes it. */
    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGDATABASE} for a real client on this database. */
    public Map<String, String> libpqEnvironment() {
        return server.libpqEnvironment(name);
    }

    /**
     * Runs a script of one or more statements separated by semicolons (dollar quotes and {@code DO} blocks are fine;
     * {@code COPY ... FROM stdin} and psql meta-commands are not), in autocommit mode.
     */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The first column of the first row of {@code sql}, as text, or null when there is no row. */
    public String queryString(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Drops the database (ending any session still connected to it). */
    @Override
    public void close() {
        if (server.isRunning()) {
            server.dropDatabase(name);
        }
    }

    @Override
    public String toString() {
        return "database \"" + name + "\" on " + server;
    }
}
