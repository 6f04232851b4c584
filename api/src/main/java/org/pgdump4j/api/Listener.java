package org.pgdump4j.api;

import org.pgdump4j.progress.ProgressEvent;

/**
 * Hears what the command-line tools print on standard error: the {@code -v} narration ("reading schemas"), the
 * warnings pg_dump and pg_restore print even without {@code -v}, and the statement errors a restore without
 * {@link RestoreBuilder#exitOnError()} skips; and, for a progress display, typed {@link ProgressEvent}s. Called on
 * the thread that runs the dump or restore, or on one of its workers: implementations must be thread-safe and
 * quick (the run waits for them). Every method does nothing by default.
 */
public interface Listener {
    /** Hears nothing. */
    Listener NONE = new Listener() { };

    /** A {@code -v} line, without the program name ({@link DumpBuilder#verbose()}). */
    default void info(String message) { }

    /** A warning; lines after the first start with {@code detail: } or {@code hint: }. */
    default void warning(String message) { }

    /**
     * A statement a restore could not run and skipped ({@code pg_restore: error: could not execute query: ...});
     * the message may span lines ({@code Command was: ...}). The restore goes on and counts it in
     * {@link RestoreResult#errorsIgnored()}.
     */
    default void error(String message) { }

    /**
     * What a progress display needs, verbose or not: the run's phases, its totals ({@link ProgressEvent.Totals}:
     * tables N of M, estimated bytes) before the data, each TOC entry's start and end, and each table's rows and
     * bytes a few times a second ({@link ProgressEvent.TableData}).
     */
    default void event(ProgressEvent event) { }
}
