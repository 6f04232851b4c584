package org.pgdump4j.progress;

/**
 * What the user sees while a dump or restore runs: the CLI's {@code -v} narration and warnings, and typed
 * {@link ProgressEvent}s for a library caller's progress display. Not logging: a library caller may show these in
 * its own UI. Called from the run's thread, and in a parallel run ({@code -j}) from its workers' threads too, maybe at
 * once; a listener that throws ends the run.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() { };

    /** A {@code -v} line such as "reading schemas". */
    default void info(String message) { }

    /**
     * A warning the user must see (pg_dump prints these even without -v); lines after the first start with
     * {@code detail: } or {@code hint: }, as pg_dump's follow-up lines do.
     */
    default void warning(String message) { }

    /** A phase, the totals, an entry's start or end, a table's rows and bytes so far. */
    default void event(ProgressEvent event) { }
}
