package org.pgdump4j.api;

/**
 * How a restore ended, when it did not throw.
 *
 * @param errorsIgnored statements that failed and were skipped, each reported to {@link Listener#error}
 *                      (pg_restore: "errors ignored on restore: N" and exit status 1); 0 for a clean restore
 */
public record RestoreResult(int errorsIgnored) {
    /** True when every statement ran. */
    public boolean clean() {
        return errorsIgnored == 0;
    }
}
