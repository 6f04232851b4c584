package org.pgdump4j;

/** Thrown when bad options or option combinations. */
public class UsageException extends PgDumpException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
