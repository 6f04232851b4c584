package org.pgdump4j.connect;

import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGProperty;
import org.postgresql.plugin.AuthenticationPlugin;
import org.postgresql.plugin.AuthenticationRequestType;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * PgJDBC {@code authenticationPluginClassName}: hands PgJDBC the password {@link PgConnector} resolved, and when
 * there is none fails as libpq does ({@code fe_sendauth: no password supplied}), which tells the connector that the
 * server asked for a password (libpq's {@code PQconnectionNeedsPassword}). Setting a plugin also keeps PgJDBC from
 * reading {@code ~/.pgpass} by its own rules. Public only because PgJDBC instantiates it by reflection.
 */
public final class PgJdbcPasswordPlugin implements AuthenticationPlugin {
    /** libpq's message when the server wants a password and none is known. */
    static final String NO_PASSWORD = "fe_sendauth: no password supplied";

    private final Properties info;

    /** Called by PgJDBC with the connection properties. */
    public PgJdbcPasswordPlugin(Properties info) {
        this.info = info;
    }

    @Override
    public char @Nullable [] getPassword(AuthenticationRequestType type) throws PSQLException {
        String password = PGProperty.PASSWORD.getOrDefault(info);
        if (password == null || password.isEmpty()) {
            throw new PSQLException(NO_PASSWORD, PSQLState.CONNECTION_REJECTED);
        }
        return password.toCharArray();
    }
}
