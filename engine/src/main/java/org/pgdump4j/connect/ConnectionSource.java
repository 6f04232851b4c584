package org.pgdump4j.connect;

import java.sql.Connection;
import org.jspecify.annotations.Nullable;

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

    /**
     * libpq's {@code client_encoding} of these parameters (connection string, service file, {@code PGCLIENTENCODING}),
     * or null when none is set: the encoding pg_dump and pg_dumpall write in when {@code -E} is not given
     * ({@code Encodings.requested}). A source that is not a libpq connection string has none; one that wraps another
     * passes its answer on (no default, so that no wrapper drops it).
     */
    @Nullable String clientEncoding();
}
