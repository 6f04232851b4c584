package org.pgdump4j.format.plain.script;

/**
 * How {@link ScriptRunner} reacts to errors.
 *
 * @param exitOnError psql's {@code ON_ERROR_STOP}: the first failing statement or meta-command ends the run with a
 *     {@link org.pgdump4j.RestoreException}; otherwise errors are reported as warnings, counted, and the run goes
 *     on. The script may change it with {@code \set ON_ERROR_STOP} (outside restricted mode).
 * @param singleTransaction psql's {@code --single-transaction}: everything runs in one transaction, committed at
 *     the end and rolled back on the first error (so it implies {@code exitOnError})
 */
public record RunnerOptions(boolean exitOnError, boolean singleTransaction) {

    /** Like psql without options: continue after errors, autocommit. */
    public static RunnerOptions defaults() {
        return new RunnerOptions(false, false);
    }
}
