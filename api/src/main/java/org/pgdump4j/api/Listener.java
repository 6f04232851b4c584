package org.pgdump4j.api;

/**
 * Hears what the command-line tools print on standard error: the {@code -v} narration ("reading schemas"), the
 * warnings pg_dump and pg_restore print even without {@code -v}, and the statement errors a restore without
 * {@link RestoreBuilder#exitOnError()} skips. Called on the thread that runs the dump or restore, or on one of its
 * workers: implementations must be thread-safe. Every method does nothing by default.
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
}
