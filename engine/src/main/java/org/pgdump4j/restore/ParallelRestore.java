package org.pgdump4j.restore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.RestoreException;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.monitor.RunMonitor;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.toc.TocEntry;

/**
 * pg_restore 18's parallel restore into a database ({@code -j N}), in its three phases: the leader restores the
 * pre-data entries itself and closes its connection; {@link ParallelWorkers}, each with its own connection (same
 * parameters, only the database may differ) and its own archive reader, restore the rest as {@link ParallelSchedule}
 * makes entries ready, pass after pass; the leader connects again and restores whatever was left (circular
 * dependencies). One instance per run; the leader's thread drives it.
 */
final class ParallelRestore {
    /** Archives from before pg_dump 8.0 give dependencies as OIDs. */
    private static final ArchiveVersion V1_8 = new ArchiveVersion(1, 8, 0);
    /** Archives from before pg_dump 8.4 lack BLOB COMMENTS' dependency on BLOBS. */
    private static final ArchiveVersion V1_11 = new ArchiveVersion(1, 11, 0);

    private final ArchiveReader reader;
    private final ArchiveSource archive;
    private final RestoreOptions opts;
    private final RestoreSelection selection;
    private final ConnectionSource source;
    private final DatabaseTarget leaderTarget;
    private final Restorer leader;
    private final ProgressListener progress;
    private final RunMonitor monitor;

    ParallelRestore(ArchiveReader reader, ArchiveSource archive, RestoreOptions opts, RestoreSelection selection,
                    ConnectionSource source, DatabaseTarget leaderTarget, Restorer leader, RunMonitor monitor) {
        this.reader = reader;
        this.archive = Objects.requireNonNull(archive, "archive");
        this.opts = opts;
        this.selection = selection;
        this.source = source;
        this.leaderTarget = leaderTarget;
        this.leader = leader;
        this.monitor = monitor;
        this.progress = monitor.listener();
    }

    /**
     * RestoreArchive's refusals of a parallel restore, checked before connecting.
     *
     * @param archive null when the archive cannot be opened again (standard input)
     */
    static void check(ArchiveReader reader, @Nullable ArchiveSource archive) {
        if (!reader.header().version().atLeast(V1_8)) {
            throw new RestoreException("parallel restore is not supported with archives made by pre-8.0 pg_dump");
        }
        if (archive == null || !reader.isRandomAccess()) {
            throw new RestoreException("parallel restore from standard input is not supported");
        }
    }

    /**
     * Runs the whole restore on the leader's connection and the workers'.
     *
     * @return the errors counted for the workers' entries (the leader's are its target's)
     */
    int run() throws IOException {
        List<TocEntry> entries = new ArrayList<>(selection.ordered()); // a stored TOC is read once here
        ReaderExtras extras = reader instanceof ReaderExtras x ? x : null;
        ParallelSchedule schedule = new ParallelSchedule(entries, e -> extras == null ? 0 : extras.dataLength(e),
                !reader.header().version().atLeast(V1_11));
        CreatedTables created = new CreatedTables(entries);
        leader.recordCreatedTables(created);
        leader.start();
        for (TocEntry te : schedule.prefork()) {
            progress.info("processing item " + ParallelWorkers.label(te));
            leader.restoreEntry(te);
            schedule.preforkDone(te);
        }
        // the workers must see what the leader created; -j N means N connections, so the leader's goes meanwhile
        leader.commitBatch();
        leaderTarget.suspend();
        leader.forgetSession();
        int errors = new ParallelWorkers(opts.execution().jobs(), () -> openSession(created), selection::restores,
                progress, monitor::check).run(schedule);
        leaderTarget.resume();
        leader.newSession();
        for (TocEntry te : schedule.leftovers()) {
            progress.info("processing missed item " + ParallelWorkers.label(te));
            leader.restoreEntry(te);
        }
        leader.finish();
        return errors;
    }

    /** A worker's connection, session state and archive reader (CloneArchive). */
    private ParallelWorkers.Session openSession(CreatedTables created) throws IOException {
        ArchiveReader own = archive.open();
        DatabaseTarget t;
        try {
            t = new DatabaseTarget(source, leaderTarget.dbname(), opts.execution().exitOnError(), progress,
                    monitor::check);
            t.continueFrom(leaderTarget);
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
        ReaderExtras extras = own instanceof ReaderExtras x ? x : null;
        Restorer r = Restorer.worker(own, extras, opts, selection, t, monitor, created);
        ParallelWorkers.Session session = new ParallelWorkers.Session() {
            @Override
            public int restore(TocEntry te) throws IOException {
                int before = t.errors();
                r.restoreEntry(te);
                return t.errors() - before;
            }

            @Override
            public void cancel() {
                t.cancel();
            }

            @Override
            public void close() throws IOException {
                try (own) {
                    t.close();
                }
            }
        };
        try {
            r.newSession();
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }
}
