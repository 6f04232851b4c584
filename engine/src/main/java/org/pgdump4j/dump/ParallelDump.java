package org.pgdump4j.dump;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.CanceledException;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.monitor.RunMonitor;
import org.pgdump4j.restore.RestoreListener;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.TocEntry;
import org.postgresql.PGConnection;

/**
 * pg_dump {@code -j N}'s data phase (WriteDataChunks in parallel mode, parallel.c's workers): the data entries, largest
 * first, go to N worker threads, each with its own connection made with the dump's connection parameters and set up
 * as the leader's, inside the leader's snapshot. Before a table's COPY a worker takes its ACCESS SHARE lock with
 * NOWAIT: a lock it cannot have at once means someone queued an ACCESS EXCLUSIVE lock after the leader's, and
 * waiting could deadlock, so the dump fails there, as pg_dump's does.
 *
 * <p>A worker that fails ends the dump: its message is reported, the others' statements are cancelled, every
 * thread is joined and every connection closed, and {@code a worker process died unexpectedly} is thrown, as
 * pg_dump's leader says it. A cancel (the run's {@link RunMonitor#check()}, an interrupt of the leader's thread)
 * stops them the same way with its {@link CanceledException}.
 *
 * <p>Unlike pg_dump, which opens N connections whatever the dump holds, at most one worker per data entry is started.
 */
final class ParallelDump {
    /** pg_dump's dataLength of a BLOBS entry: it assumes 8 kB per large object. */
    static final long BYTES_PER_LARGE_OBJECT = 8192;

    private static final String LOCK_HINT = "This usually means that someone requested an ACCESS EXCLUSIVE lock "
            + "on the table after the pg_dump parent process had gotten the initial ACCESS SHARE lock on the table.";

    /** Opens a worker's reader on a connection of its own in the dump's snapshot (CloneArchive, setupDumpWorker). */
    @FunctionalInterface
    interface Opener {
        LiveDumpReader open() throws SQLException;
    }

    /** Writes one data entry's data read through {@code reader} (the serial dump's code). */
    @FunctionalInterface
    interface EntryWriter {
        void write(LiveDumpReader reader, TocEntry entry) throws IOException;
    }

    private final int jobs;
    private final Opener opener;
    private final EntryWriter writer;
    private final RunMonitor monitor;
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    ParallelDump(int jobs, Opener opener, EntryWriter writer, RunMonitor monitor) {
        if (jobs < 2) {
            throw new IllegalArgumentException("jobs " + jobs);
        }
        this.jobs = jobs;
        this.opener = Objects.requireNonNull(opener, "opener");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    /**
     * pg_backup_archiver's TocEntrySizeCompare: larger data first, then by dump id; so the dump does not end with one
     * big table on one worker while the others idle.
     */
    static List<TocEntry> dispatchOrder(List<TocEntry> dataEntries, ToLongFunction<TocEntry> size) {
        Map<Integer, Long> sizes = new HashMap<>();
        dataEntries.forEach(e -> sizes.put(e.dumpId(), size.applyAsLong(e)));
        return dataEntries.stream().sorted(Comparator.<TocEntry>comparingLong(e -> -sizes.get(e.dumpId()))
                .thenComparingInt(TocEntry::dumpId)).toList();
    }

    /**
     * pg_dump's dataLength of each TABLE DATA entry: the table's pages and its TOAST table's, as the catalog says in
     * the dump's snapshot (keyed by the entry's catalog OID).
     */
    static Map<Long, Long> tablePages(Connection conn, List<TocEntry> entries) throws SQLException {
        Long[] oids = entries.stream().filter(e -> e.is(EntryKind.TABLE_DATA)).map(e -> e.catalogId().oid())
                .toArray(Long[]::new);
        Map<Long, Long> pages = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT c.oid, GREATEST(c.relpages, 0)::pg_catalog.int8"
                + " + COALESCE(GREATEST(tc.relpages, 0), 0)::pg_catalog.int8 FROM pg_catalog.pg_class c"
                + " LEFT JOIN pg_catalog.pg_class tc ON tc.oid = c.reltoastrelid AND tc.relkind = 't'"
                + " WHERE c.oid = ANY (?)")) {
            ps.setArray(1, conn.createArrayOf("oid", oids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pages.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return pages;
    }

    /** Dumps every entry of {@code ordered} (in that dispatch order); returns once all are written. */
    void run(List<TocEntry> ordered) {
        if (ordered.isEmpty()) {
            return;
        }
        Queue<TocEntry> queue = new ConcurrentLinkedQueue<>(ordered);
        int n = Math.min(jobs, ordered.size());
        boolean done = false;
        try {
            for (int i = 0; i < n; i++) {
                Worker w = new Worker(i, queue);
                workers.add(w);
                w.thread.start();
            }
            awaitWorkers();
            done = true;
        } finally {
            if (!done) {
                stop();
            }
            joinAll();
        }
        Throwable f = failure.get();
        if (f != null) {
            throw failed(f);
        }
    }

    /** Waits for the workers, seeing a cancel or a failure meanwhile (a tenth of a second at most). */
    private void awaitWorkers() {
        for (Worker w : workers) {
            while (w.thread.isAlive()) {
                monitor.check();
                if (failure.get() != null) {
                    return;
                }
                try {
                    w.thread.join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    monitor.check(); // a watched run turns the interrupt into its cancel
                    throw new PgDumpException("parallel dump interrupted", e);
                }
            }
        }
    }

    /** The leader's error for a worker's failure: the worker's message is reported first, as pg_dump's worker does. */
    private RuntimeException failed(Throwable f) {
        if (f instanceof CanceledException c) {
            return c;
        }
        monitor.check(); // a failure caused by a cancel is the cancel
        String message = f.getMessage() != null ? f.getMessage() : f.toString();
        RestoreListener.error(monitor.listener(), message);
        return new PgDumpException("a worker process died unexpectedly", f);
    }

    /** Records the first failure and stops the other workers' statements. */
    private void fail(Throwable t) {
        if (failure.compareAndSet(null, t)) {
            stop();
        }
    }

    private void stop() {
        stopping = true;
        for (Worker w : workers) {
            w.cancel();
        }
    }

    /** Joins every worker thread; an interrupt meanwhile cancels their statements again and is kept. */
    private void joinAll() {
        boolean interrupted = false;
        for (Worker w : workers) {
            while (true) {
                try {
                    w.thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** parallel.c's lockTableForWorker: nothing for large objects. */
    static void lockForWorker(Connection conn, TocEntry e) {
        if (e.is(EntryKind.BLOBS)) {
            return;
        }
        String table = Sql.qualified(e.namespace(), e.tag());
        try (Statement st = conn.createStatement()) {
            st.execute("LOCK TABLE " + table + " IN ACCESS SHARE MODE NOWAIT");
        } catch (SQLException ex) {
            throw new PgDumpException("could not obtain lock on relation \"" + table + "\"\n" + LOCK_HINT, ex);
        }
    }

    /** One worker thread and its connection. */
    private final class Worker implements Runnable {
        final Thread thread;
        private final Queue<TocEntry> queue;
        private volatile @Nullable Connection connection;

        Worker(int index, Queue<TocEntry> queue) {
            this.queue = queue;
            this.thread = new Thread(Sql.carry(this), "pg_dump worker " + index); // with the run's quoting
            this.thread.setDaemon(true);
        }

        void cancel() {
            Connection c = connection;
            if (c != null) {
                try {
                    c.unwrap(PGConnection.class).cancelQuery();
                } catch (SQLException | RuntimeException e) {
                    // closing already, or the server is gone: nothing left to stop
                }
            }
        }

        @Override
        public void run() {
            LiveDumpReader reader = null;
            try {
                reader = opener.open();
                connection = reader.connection();
                if (stopping) {
                    return;
                }
                for (TocEntry e = queue.poll(); e != null && !stopping; e = queue.poll()) {
                    lockForWorker(reader.connection(), e);
                    writer.write(reader, e);
                }
            } catch (IOException | SQLException | RuntimeException | Error e) {
                fail(e);
            } finally {
                connection = null;
                if (reader != null) {
                    try {
                        reader.connection().close();
                    } catch (SQLException e) {
                        // the dump's outcome does not depend on a worker's goodbye
                    }
                }
            }
        }
    }
}
