package org.pgdump4j.api;

import java.sql.Connection;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import javax.sql.DataSource;
import org.pgdump4j.connect.ConnArgs;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.connect.LibpqHome;
import org.pgdump4j.connect.PasswordMode;
import org.pgdump4j.connect.PasswordPrompt;
import org.pgdump4j.connect.PgConnector;

/** The four ways a builder names a database, each made a {@link ConnectionSource} when the run starts. */
final class Sources {
    /** A database, once the run starts: {@code warnings} hear the connector's (an insecure password file). */
    interface Spec {
        ConnectionSource open(Listener warnings);

        /** Whether connections come from the caller (a DataSource or Connection), which reach one database only. */
        boolean borrowed();

        /** Whether there is one connection only (the caller's Connection). */
        boolean single();
    }

    private Sources() {
    }

    static Spec of(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return spec(w -> new DataSourceSource(dataSource), true, false);
    }

    static Spec of(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        return spec(w -> new CallerConnectionSource(connection), true, true);
    }

    /**
     * A libpq connection string or URI ({@code host=h dbname=d}, {@code postgresql://u@h/d}), or a bare database
     * name, resolved as libpq does (PG* environment variables, the service and password files), never prompting; or a
     * {@code jdbc:postgresql:} URL.
     */
    static Spec of(String connection, String program) {
        Objects.requireNonNull(connection, "connection");
        if (connection.startsWith("jdbc:")) {
            return of(connection, new Properties());
        }
        return spec(w -> {
            Map<String, String> env = System.getenv();
            // as the programs: pg_dump takes a missing database name from PGDATABASE, pg_restore does not
            ConnArgs args = new ConnArgs(connection, null, null, null, PasswordMode.NEVER, program,
                    program.equals("pg_dump"));
            PgConnector connector = PgConnector.fromArgs(args, env, LibpqHome.of(env), PasswordPrompt.none());
            connector.warnings().forEach(w::warning);
            connector.onZoneWarning(w::warning);
            return connector;
        }, false, false);
    }

    static Spec of(String jdbcUrl, Properties properties) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(properties, "properties");
        return spec(w -> new JdbcUrlSource(jdbcUrl, properties), false, false);
    }

    private static Spec spec(Function<Listener, ConnectionSource> open, boolean borrowed, boolean single) {
        return new Spec() {
            @Override
            public ConnectionSource open(Listener warnings) {
                return open.apply(warnings);
            }

            @Override
            public boolean borrowed() {
                return borrowed;
            }

            @Override
            public boolean single() {
                return single;
            }
        };
    }
}
