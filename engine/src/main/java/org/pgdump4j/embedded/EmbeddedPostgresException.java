package org.pgdump4j.embedded;

import org.pgdump4j.PgDumpException;

/**
 * An embedded server could not be provided: unknown major version, binaries that could not be downloaded or
 * unpacked, or an {@code initdb}/{@code pg_ctl} that failed. The message names the step and ends with the tail of
 * the tool's output or the server log.
 */
public class EmbeddedPostgresException extends PgDumpException {
    public EmbeddedPostgresException(String message) {
        super(message);
    }

    public EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
