package org.pgdump4j;

/** Thrown when a statement failed while restoring. */
public class RestoreException extends PgDumpException {
    public RestoreException(String message) {
        super(message);
    }

    public RestoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
