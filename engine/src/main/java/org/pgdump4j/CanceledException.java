package org.pgdump4j;

/**
 * The run was stopped before it finished: its {@link org.pgdump4j.progress.Cancellation} was canceled or its thread
 * interrupted. Nothing it wrote looks complete. The message is pg_dump's for a run ended by the user.
 */
public class CanceledException extends PgDumpException {
    public CanceledException() {
        super("terminated by user");
    }

    public CanceledException(Throwable cause) {
        super("terminated by user", cause);
    }
}
