package org.pgdump4j.progress;

/**
 * A handle that stops a running dump or restore from another thread: {@link #cancel()} ends the run within about a
 * second with a {@link org.pgdump4j.CanceledException}, leaving what a failed run leaves (no output file that looks
 * complete, its connections closed). Interrupting the running thread has the same effect. One handle may serve
 * several runs; once canceled it stays canceled, and a run started with it stops at once.
 */
public final class Cancellation {
    private volatile boolean canceled;

    /** A handle that nothing has canceled yet. */
    public Cancellation() {
    }

    /** Asks every run using this handle to stop. Returns at once; the runs end on their own threads. */
    public void cancel() {
        canceled = true;
    }

    public boolean isCanceled() {
        return canceled;
    }
}
