package org.pgdump4j.progress;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a running dump or restore tells a library caller, as values ({@link ProgressListener#event}). Events come
 * from the run's own thread, in order: phases as the run moves on, {@link Totals} once they are known (before the
 * first table's data), each entry's start and finish, and each table's rows and bytes at a modest rate (never per
 * row). The {@code -v} lines stay text ({@link ProgressListener#info}); these are what a progress bar needs.
 */
public sealed interface ProgressEvent {
    /** A step of the run; they come in this order, each at most once, some left out (see each). */
    enum Phase {
        /** Connecting to the server (dump, and restore into a database). */
        CONNECT,
        /** Reading the catalog and building the TOC (dump). */
        READ_CATALOG,
        /** Writing or restoring the entries before the data: types, tables, functions... */
        PRE_DATA,
        /** Tables' rows and large objects. */
        DATA,
        /** Indexes, constraints, triggers... (a script or restore; an archive holds them in its TOC). */
        POST_DATA,
        /** Writing the archive's final TOC and making the output durable (dump). */
        FINISH
    }

    /**
     * A TOC entry, as pg_restore -l names it.
     *
     * @param kind the TOC kind, e.g. {@code TABLE DATA}
     * @param schema null for objects outside schemas
     */
    record Entry(int dumpId, String kind, @Nullable String schema, String name) {
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    /** The run entered {@code phase}. */
    record PhaseStarted(Phase phase) implements ProgressEvent {
        public PhaseStarted {
            Objects.requireNonNull(phase, "phase");
        }
    }

    /**
     * What the run has ahead of it, known before the data.
     *
     * @param tables         the TABLE DATA entries the run writes or restores ({@link TableData#of})
     * @param estimatedBytes a rough scale of the data, -1 when unknown: for a dump, the tables' size on disk from
     *                       the planner's statistics (pg_class.relpages times the block size, 0 for a table never
     *                       vacuumed or analyzed); for a restore, the stored length of the data in the archive
     *                       (compressed when it is). Not the number {@link TableData#bytes} reaches.
     */
    record Totals(int tables, long estimatedBytes) implements ProgressEvent {
    }

    /** Work on an entry began: its definition or its data. */
    record EntryStarted(Entry entry) implements ProgressEvent {
        public EntryStarted {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Work on an entry ended. */
    record EntryFinished(Entry entry) implements ProgressEvent {
        public EntryFinished {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * A table's data so far: one event when it starts (0 rows), some while it runs (at most a few a second), and
     * one with {@code done} at its end.
     *
     * @param number which table this is, 1..{@code of}
     * @param of     {@link Totals#tables}
     * @param rows   rows so far (lines of COPY data)
     * @param bytes  bytes of COPY text so far
     * @param estimatedBytes this table's share of {@link Totals#estimatedBytes}, -1 when unknown
     */
    record TableData(Entry table, int number, int of, long rows, long bytes, long estimatedBytes, boolean done)
            implements ProgressEvent {
        public TableData {
            Objects.requireNonNull(table, "table");
        }
    }
}
