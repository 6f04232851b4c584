package org.pgdump4j.embedded;

/**
 * An embedded server could not be provided: unknown major version, binaries that could not be downloaded or
 * unpacked, or an {@code initdb}/{@code pg_ctl} that failed. The message names the step and ends with the tail of
 * the tool's output or the server log. Unchecked, and of this module's own: the embedded server does not depend on
 * the engine (the engine's tests use it).
 */
public class EmbeddedPostgresException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EmbeddedPostgresException(String message) {
        super(message);
    }

    public EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
