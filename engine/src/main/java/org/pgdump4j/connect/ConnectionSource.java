package org.pgdump4j.connect;

import java.sql.Connection;

/**
 * Opens connections with one fixed set of parameters (host, port, user, password, SSL settings...), so that
 * every extra connection (parallel workers, {@code \connect}, {@code --create}) reuses all of them and only
 * swaps the database name (CVE-2020-25694). Errors are {@link org.pgdump4j.ConnectionException}.
 */
public interface ConnectionSource {
    /** A new connection to the configured database. */
    Connection open();

    /** A new connection with the same parameters to another database. */
    Connection open(String dbname);

    /** The configured database name. */
    String dbname();
}
