package org.pgdump4j.restore;

import org.pgdump4j.progress.ProgressListener;

/**
 * A {@link ProgressListener} that also hears the statement errors pg_restore prints as {@code pg_restore: error: ...}
 * and then ignores (without {@code -e}). Plain listeners get them as warnings.
 */
public interface RestoreListener extends ProgressListener {
    /** A failed statement that was skipped; the message may span lines ({@code Command was: ...}). */
    default void error(String message) {
        warning(message);
    }

    /** Routes errors to {@link RestoreListener#error} when {@code l} is one, else to its warnings. */
    static void error(ProgressListener l, String message) {
        if (l instanceof RestoreListener r) {
            r.error(message);
        } else {
            l.warning(message);
        }
    }
}
