package org.pgdump4j;

/**
 * Root of every error pgdump4j reports. Unchecked, so lambdas and executors stay readable; the CLI turns
 * any of these into a one-line {@code pg_dump: error: ...} message and exit code 1.
 */
public class PgDumpException extends RuntimeException {
    public PgDumpException(String message) {
        super(message);
    }

    public PgDumpException(String message, Throwable cause) {
        super(message, cause);
    }
}
