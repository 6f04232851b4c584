package org.pgdump4j.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.UsageException;
import org.pgdump4j.connect.ConnectionSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A {@code jdbc:postgresql:} URL and its properties, as PgJDBC reads them. The connections are ours (opened and
 * closed per use); another database is the same URL and properties with the database name swapped, so every other
 * parameter (host, user, password, SSL) stays. Messages never show the URL, which may hold a password.
 */
final class JdbcUrlSource implements ConnectionSource {
    private final String url;
    private final Properties properties;
    private final String dbname;

    JdbcUrlSource(String url, Properties properties) {
        this.url = Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new UsageException("not a PostgreSQL JDBC URL: it must start with \"jdbc:postgresql:\"");
        }
        this.properties = (Properties) properties.clone();
        this.dbname = dataSource(null).getDatabaseName();
        if (dbname == null || dbname.isEmpty()) {
            throw new UsageException("the JDBC URL names no database");
        }
    }

    private PGSimpleDataSource dataSource(String otherDbname) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setURL(url);
            for (String name : properties.stringPropertyNames()) {
                ds.setProperty(name, properties.getProperty(name));
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw new UsageException("invalid JDBC URL: " + e.getMessage(), e);
        }
        if (otherDbname != null) {
            ds.setDatabaseName(otherDbname);
        }
        return ds;
    }

    @Override
    public Connection open() {
        return open(dbname);
    }

    @Override
    public Connection open(String name) {
        try {
            return dataSource(name).getConnection();
        } catch (SQLException e) {
            throw new ConnectionException("connection to database \"" + name + "\" failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String dbname() {
        return dbname;
    }

    @Override
    public @Nullable String clientEncoding() {
        return null; // a JDBC URL: no libpq settings
    }
}
