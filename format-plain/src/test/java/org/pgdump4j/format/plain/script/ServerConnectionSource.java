package org.pgdump4j.format.plain.script;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.connect.ConnectionSource;

/** Test-only: superuser connections to one server by JDBC URL, any database. */
final class ServerConnectionSource implements ConnectionSource {
    private final String urlPrefix;
    private final String dbname;
    private final String user;

    /** @param jdbcUrl a URL of {@code dbname}, as EmbeddedPostgres#jdbcUrl gives it */
    ServerConnectionSource(String jdbcUrl, String dbname, String user) {
        this.urlPrefix = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1);
        this.dbname = dbname;
        this.user = user;
    }

    @Override
    public Connection open() {
        return open(dbname);
    }

    @Override
    public Connection open(String database) {
        Properties props = new Properties();
        props.setProperty("user", user);
        try {
            return DriverManager.getConnection(urlPrefix + java.net.URLEncoder.encode(database,
                    java.nio.charset.StandardCharsets.UTF_8), props);
        } catch (SQLException e) {
            throw new ConnectionException("could not connect to database \"" + database + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public String dbname() {
        return dbname;
    }

    @Override
    public @Nullable String clientEncoding() {
        return null; // a test server's JDBC URL
    }
}
