package org.pgdump4j.restore;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.CanceledException;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.RestoreException;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.toc.TocEntry;

/**
 * restore_toc_entries_parallel between ParallelBackupStart and ParallelBackupEnd: N worker threads, each with a
 * {@link Session} of its own, and the leader's loop that hands them the entries {@link ParallelSchedule} makes
 * ready, one at a time, pass after pass, until nothing is left to run.
 *
 * <p>Statement errors count as pg_restore counts them: for an entry in which a worker ignored k of them, k + 1 (the
 * worker reports k, and the leader adds one for the entry's status). A worker that fails (a statement with
 * {@code -e}, a lost connection, an unreadable archive) ends the restore: its message is reported, the statements the
 * others run are cancelled, every thread is stopped and joined, every session closed, and {@code a worker process died
 * unexpectedly} is thrown, as pg_restore's leader says it. An interrupt of the leader's thread ends it the same way.
 * A canceled run ({@code check} throws, in the leader's loop or a worker) stops the same way with that
 * {@link CanceledException}, which no worker reports as an error.
 */
final class ParallelWorkers {
    private static final Object STOP = new Object();

    /** A worker's connection and session state. Used by its own thread only, except {@link #cancel}. */
    interface Session {
        /**
         * Restores one entry (restore_toc_entry with is_parallel).
         *
         * @return the statement errors ignored on the way
         */
        int restore(TocEntry te) throws IOException;

        /** Asks the server to cancel the running statement; called from another thread. */
        void cancel();

        void close() throws IOException;
    }

    /** Opens a worker's session, in the worker's thread (CloneArchive). */
    @FunctionalInterface
    interface SessionFactory {
        Session open() throws IOException;
    }

    /** A worker's report: the entry it finished and the errors it ignored there, or its failure. */
    private record Done(Worker worker, @Nullable TocEntry entry, int errors, @Nullable Throwable failure) {
    }

    private final int jobs;
    private final SessionFactory sessions;
    private final Predicate<TocEntry> restores;
    private final ProgressListener progress;
    private final Runnable check;
    private final BlockingQueue<Done> results = new LinkedBlockingQueue<>();

    /** Workers that nothing cancels but a failure or an interrupt. */
    ParallelWorkers(int jobs, SessionFactory sessions, Predicate<TocEntry> restores, ProgressListener progress) {
        this(jobs, sessions, restores, progress, () -> { });
    }

    /**
     * @param restores whether an entry is selected; the others are passed over without a worker
     * @param check    throws {@link CanceledException} once the run is canceled
     */
    ParallelWorkers(int jobs, SessionFactory sessions, Predicate<TocEntry> restores, ProgressListener progress,
            Runnable check) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs " + jobs);
        }
        this.jobs = jobs;
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.restores = Objects.requireNonNull(restores, "restores");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.check = Objects.requireNonNull(check, "check");
    }

    /**
     * Runs everything the schedule makes ready; what stays pending (a dependency loop) is left to the caller.
     *
     * @return the errors counted for the workers' entries
     */
    int run(ParallelSchedule schedule) {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            Worker w = new Worker(i);
            workers.add(w);
            w.thread.start();
        }
        Deque<Worker> idle = new ArrayDeque<>(workers);
        Map<Worker, TocEntry> running = new LinkedHashMap<>();
        int errors = 0;
        boolean finished = false;
        try {
            schedule.startParallel();
            progress.info("entering main parallel loop");
            while (true) {
                check.run();
                TocEntry next = schedule.next(running.values());
                if (next != null) {
                    if (!restores.test(next)) {
                        progress.info("skipping item " + label(next));
                        schedule.done(next);
                        continue;
                    }
                    progress.info("launching item " + label(next));
                    Worker w = idle.pop();
                    running.put(w, next);
                    w.inbox.add(next);
                } else if (running.isEmpty()) {
                    if (!schedule.advancePass()) {
                        break;
                    }
                    continue;
                }
                // after a dispatch, go on as soon as a worker is idle; otherwise wait for one to finish
                Done d = next != null && !idle.isEmpty() ? results.poll() : awaitResult();
                for (; d != null; d = results.poll()) {
                    errors += finished(d, schedule, running, idle);
                }
            }
            progress.info("finished main parallel loop");
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestoreException("parallel restore interrupted", e);
        } finally {
            stop(workers, !finished);
        }
        return errors;
    }

    /** The next worker's report; a cancel is seen meanwhile (a tenth of a second at most). */
    private Done awaitResult() throws InterruptedException {
        while (true) {
            check.run();
            Done d = results.poll(100, TimeUnit.MILLISECONDS);
            if (d != null) {
                return d;
            }
        }
    }

    static String label(TocEntry te) {
        return te.dumpId() + " " + te.desc() + " " + te.tag();
    }

    /** mark_restore_job_done; a failed worker ends the restore. */
    private int finished(Done d, ParallelSchedule schedule, Map<Worker, TocEntry> running, Deque<Worker> idle) {
        if (d.failure() instanceof CanceledException c) {
            throw c;
        }
        if (d.failure() != null) {
            RestoreListener.error(progress, describe(d.failure()));
            throw new RestoreException("a worker process died unexpectedly", d.failure());
        }
        TocEntry te = Objects.requireNonNull(d.entry());
        running.remove(d.worker());
        idle.push(d.worker());
        progress.info("finished item " + label(te));
        schedule.done(te);
        return d.errors() > 0 ? d.errors() + 1 : 0;
    }

    /** ParallelBackupEnd, or the cleanup after a failure: running statements cancelled, every thread joined. */
    private static void stop(List<Worker> workers, boolean cancel) {
        for (Worker w : workers) {
            if (cancel) {
                w.cancel();
            }
            w.inbox.add(STOP);
        }
        boolean interrupted = false;
        for (Worker w : workers) {
            while (true) {
                try {
                    w.thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    w.cancel();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** One worker thread. */
    private final class Worker implements Runnable {
        final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        final Thread thread;
        private volatile @Nullable Session session;

        Worker(int index) {
            this.thread = new Thread(this, "pg_restore worker " + index);
            this.thread.setDaemon(true);
        }

        void cancel() {
            Session s = session;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public void run() {
            TocEntry current = null;
            Session s = null;
            try {
                s = sessions.open();
                session = s;
                for (Object job = inbox.take(); job != STOP; job = inbox.take()) {
                    current = (TocEntry) job;
                    int errors = s.restore(current);
                    results.add(new Done(this, current, errors, null));
                    current = null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException | Error e) {
                results.add(new Done(this, current, 0, e instanceof PgDumpException ? e
                        : new RestoreException(describe(e), e)));
            } finally {
                session = null;
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException | RuntimeException e) {
                        progress.warning("could not close a worker's connection: " + describe(e));
                    }
                }
            }
        }
    }
}
