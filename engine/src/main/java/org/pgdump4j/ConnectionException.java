package org.pgdump4j;

/** Thrown when could not connect, or the server refused the session. */
public class ConnectionException extends PgDumpException {
    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
