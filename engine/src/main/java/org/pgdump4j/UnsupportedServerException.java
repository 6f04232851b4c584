package org.pgdump4j;

/** Thrown when the server version is outside what we can dump. */
public class UnsupportedServerException extends PgDumpException {
    public UnsupportedServerException(String message) {
        super(message);
    }

    public UnsupportedServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
