package org.pgdump4j.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.sql.Sql;
import org.postgresql.PGConnection;

/**
 * Catalog reads that need nothing the main connection reads later (pg_depend, the object families, the
 * completeness guard's probes) run on a second connection in the dump's snapshot, while the main connection
 * locks and reads the relations: on a catalog of thousands of tables both halves keep the server busy and the
 * client's own work overlaps them. pg_dump reads them one after another on one connection; the results are the
 * same, since both connections see one snapshot.
 *
 * <p>Where no second connection can be had (the snapshot cannot be exported or imported, the role's connection
 * limit is reached, a pooler in between), each read runs on the main connection when its result is asked for:
 * the same results, one after another. {@link #inline} does that from the start.
 */
public final class SideReads implements AutoCloseable {
    /** Opens the second connection, set up as the main one and inside the exported snapshot. */
    @FunctionalInterface
    public interface Twin {
        Connection open(String snapshot) throws SQLException;
    }

    /** A read's result, taken in the main thread. */
    public interface Pending<T> {
        T get();
    }

    private final Jdbc main;
    private final @Nullable ExecutorService worker;
    private final @Nullable Future<@Nullable Jdbc> side;
    private final List<Future<?>> submitted = new ArrayList<>();

    private SideReads(Jdbc main, @Nullable ExecutorService worker, @Nullable Future<@Nullable Jdbc> side) {
        this.main = main;
        this.worker = worker;
        this.side = side;
    }

    /** Every read on the main connection, when its result is asked for. */
    public static SideReads inline(Jdbc main) {
        return new SideReads(main, null, null);
    }

    /**
     * Opens the twin in the background inside {@code snapshot}, the main connection's exported snapshot; without
     * one (it could not be exported), every read runs on the main connection.
     */
    public static SideReads start(Jdbc main, @Nullable String snapshot, Twin twin) {
        if (snapshot == null) {
            return inline(main);
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pgdump4j-side-reads");
            t.setDaemon(true);
            return t;
        });
        Future<@Nullable Jdbc> side = worker.submit(Sql.carry(() -> {
            try {
                return new Jdbc(twin.open(snapshot));
            } catch (SQLException | RuntimeException e) {
                return null; // no twin: the reads fall back to the main connection
            }
        }));
        return new SideReads(main, worker, side);
    }

    /**
     * Starts {@code read} on the second connection, or, without one, defers it to {@link Pending#get()} on the
     * main connection. A read that fails on the second connection fails the same way when its result is taken.
     */
    public <T> Pending<T> submit(Function<Jdbc, T> read) {
        if (worker == null) {
            return () -> read.apply(main);
        }
        // the run's quoting goes with the read: model text quoted there is the dump's (--quote-all-identifiers)
        Future<@Nullable Outcome<T>> f = worker.submit(Sql.carry(() -> {
            Jdbc twin = side.get();
            return twin == null ? null : Outcome.of(() -> read.apply(twin));
        }));
        submitted.add(f);
        return () -> {
            @Nullable Outcome<T> o = join(f);
            return o == null ? read.apply(main) : o.value();
        };
    }

    /**
     * Reads {@code parts} independent parts on both connections: the second one takes them in order as soon as it
     * is free, the main thread takes those left when it asks for the result, and then waits only for parts still
     * being read (so neither connection idles while the other has parts queued). The results come in part order,
     * whoever read them: the outcome of one connection reading them all. The first failure of a part is thrown
     * when the result is taken.
     */
    public <T> Pending<List<T>> shared(int parts, BiFunction<Jdbc, Integer, T> read) {
        Parts<T> state = new Parts<>(parts, read);
        if (worker != null) {
            submitted.add(worker.submit(Sql.carry(() -> {
                Jdbc twin = side.get();
                if (twin != null) {
                    state.drain(twin);
                }
                return null;
            })));
        }
        return () -> {
            state.drain(main);
            return state.results();
        };
    }

    /** The parts of one {@link #shared} read: which is next, what each gave, how many are done. */
    private static final class Parts<T> {
        private final BiFunction<Jdbc, Integer, T> read;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReferenceArray<@Nullable T> results;
        private final CountDownLatch done;
        private volatile @Nullable RuntimeException failure;

        Parts(int parts, BiFunction<Jdbc, Integer, T> read) {
            this.read = read;
            this.results = new AtomicReferenceArray<>(parts);
            this.done = new CountDownLatch(parts);
        }

        void drain(Jdbc jdbc) {
            for (int part = next.getAndIncrement(); part < results.length(); part = next.getAndIncrement()) {
                try {
                    results.set(part, read.apply(jdbc, part));
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                    throw e;
                } finally {
                    done.countDown();
                }
            }
        }

        List<T> results() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            RuntimeException e = failure;
            if (e != null) {
                throw e;
            }
            List<T> out = new ArrayList<>(results.length());
            for (int part = 0; part < results.length(); part++) {
                out.add(results.get(part));
            }
            return out;
        }
    }

    /** A read's value or the exception it threw, handed to the main thread as it is. */
    private record Outcome<T>(@Nullable T result, @Nullable RuntimeException failure) {
        static <T> Outcome<T> of(Supplier<T> read) {
            try {
                return new Outcome<>(read.get(), null);
            } catch (RuntimeException e) {
                return new Outcome<>(null, e);
            }
        }

        T value() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    private static <T> T join(Future<T> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Closes the second connection. After a failure elsewhere, reads not started are dropped and a running one is
     * cancelled first.
     */
    @Override
    public void close() {
        if (worker == null) {
            return;
        }
        worker.shutdownNow();
        Jdbc twin = join(side);
        if (twin == null) {
            return;
        }
        try (Connection c = twin.connection()) {
            if (submitted.stream().anyMatch(f -> !f.isDone())) {
                c.unwrap(PGConnection.class).cancelQuery();
                worker.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (SQLException e) {
            // the dump's outcome is the main connection's; a twin that cannot close is let go
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
