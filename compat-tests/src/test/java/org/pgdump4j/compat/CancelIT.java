package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.CanceledException;
import org.pgdump4j.archive.ArchiveFormats;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.OutputFormat;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.progress.Cancellation;
import org.pgdump4j.progress.ProgressEvent;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.restore.PgRestore;
import org.pgdump4j.restore.RestoreOptions;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;
import org.pgdump4j.toc.EntryKind;

/**
 * A cancel handle and an interrupt of the running thread stop a dump (every format, compressed or not, -Fd -j 2) and a
 * restore (into a database, into a script) in the middle of a big table's COPY within a second: the run ends with
 * {@link CanceledException}, leaves no output that looks complete and no backend behind; the events on the way
 * carry the totals (tables N of M, M the TABLE DATA entries).
 */
class CancelIT {
    private static final int ROWS = 1_500_000;
    private static final long LIMIT_MILLIS = 1000;
    private static final Map<Integer, TestDb> SOURCES = new HashMap<>();
    private static final Map<Integer, Path> ARCHIVES = new HashMap<>();
    @TempDir
    static Path shared;

    enum Stop { CANCEL, INTERRUPT }

    /** Where a restore goes: a script, a database, a database with two workers ({@code -j 2}). */
    enum Into { SCRIPT, DATABASE, PARALLEL }

    /** A big table (about 40 MB of COPY text) between two small ones, analyzed so the totals have sizes. */
    static synchronized TestDb source(int major) throws SQLException {
        TestDb db = SOURCES.get(major);
        if (db == null) {
            db = PgServers.freshDb(major, "cancelsrc");
            SOURCES.put(major, db);
            db.execute("CREATE TABLE a_small (id int PRIMARY KEY); INSERT INTO a_small VALUES (1), (2);"
                    + "CREATE TABLE big AS SELECT g AS id, 'row number ' || g AS label"
                    + " FROM pg_catalog.generate_series(1, " + ROWS + ") g;"
                    + "CREATE TABLE z_small (t text); INSERT INTO z_small VALUES ('x');"
                    + "ANALYZE");
        }
        return db;
    }

    /** Our custom archive of the source, made once per major. */
    static synchronized Path archive(int major) throws SQLException {
        Path p = ARCHIVES.get(major);
        if (p == null) {
            p = shared.resolve("source-" + major + ".dump");
            PgDump.run(TestSource.of(source(major)), DumpOptions.defaults().withFormat(OutputFormat.CUSTOM)
                    .withFile(p).withArchive(new DumpOptions.ArchiveSettings(Compression.NONE,
                            DumpOptions.ArchiveSettings.DEFAULTS.version())), ProgressListener.NONE);
            ARCHIVES.put(major, p);
        }
        return p;
    }

    @AfterAll
    static void drop() {
        SOURCES.values().forEach(TestDb::close);
        SOURCES.clear();
        ARCHIVES.clear();
    }

    static Stream<Arguments> dumps() {
        return PgServers.matrixMajors().stream().flatMap(major -> Stream.of(Stop.values()).flatMap(stop -> Stream.of(
                Arguments.of(major, OutputFormat.PLAIN, null, stop, 1),
                Arguments.of(major, OutputFormat.CUSTOM, null, stop, 1),
                Arguments.of(major, OutputFormat.CUSTOM, Compression.NONE, stop, 1),
                Arguments.of(major, OutputFormat.DIRECTORY, null, stop, 1),
                Arguments.of(major, OutputFormat.DIRECTORY, Compression.NONE, stop, 1),
                Arguments.of(major, OutputFormat.DIRECTORY, null, stop, 2),
                Arguments.of(major, OutputFormat.TAR, null, stop, 1))));
    }

    @ParameterizedTest(name = "server {0}: {1} {2} by {3}, {4} job(s)")
    @MethodSource("dumps")
    void dumpStopsMidCopy(int major, OutputFormat format, Compression compression, Stop stop, int jobs,
            @TempDir Path dir) throws Exception {
        TestDb source = source(major);
        Path out = dir.resolve("out");
        DumpOptions options = DumpOptions.defaults().withFormat(format).withFile(out).withArchive(
                new DumpOptions.ArchiveSettings(compression, DumpOptions.ArchiveSettings.DEFAULTS.version()))
                .withExecution(DumpOptions.Execution.DEFAULTS.withJobs(jobs));
        Cancellation cancel = new Cancellation();
        Events events = new Events();
        Stopped run = stopMidCopy(events, stop, cancel,
                () -> PgDump.run(TestSource.of(source), options, events, cancel));
        run.assertCanceledInTime();
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no output, no temporary sibling");
        }
        assertNoBackendLeft(source);
        ProgressEvent.Totals totals = events.totals();
        assertEquals(3, totals.tables(), "a_small, big, z_small");
        assertTrue(totals.estimatedBytes() > 0, totals::toString);
        assertEquals(List.of(ProgressEvent.Phase.CONNECT, ProgressEvent.Phase.READ_CATALOG,
                ProgressEvent.Phase.PRE_DATA, ProgressEvent.Phase.DATA), events.phases());
        ProgressEvent.TableData big = events.firstRowsOf("big");
        if (jobs == 1) {
            assertEquals(2, big.number());
        } else { // numbered as tables start: the workers' small tables may start before the big one's first rows
            assertTrue(big.number() >= 1 && big.number() <= 3, big::toString);
        }
        assertEquals(3, big.of());
        assertTrue(big.estimatedBytes() > 0 && big.estimatedBytes() < totals.estimatedBytes(), big::toString);
    }

    static Stream<Arguments> restores() {
        return PgServers.matrixMajors().stream().flatMap(major -> Stream.of(Stop.values()).flatMap(stop ->
                Stream.of(Into.values()).map(into -> Arguments.of(major, into, stop))));
    }

    @ParameterizedTest(name = "server {0}: into {1}, by {2}")
    @MethodSource("restores")
    void restoreStopsMidCopy(int major, Into into, Stop stop) throws Exception {
        Path archive = archive(major);
        try (TestDb target = PgServers.freshDb(major, "canceldst");
             ArchiveReader reader = ArchiveFormats.detect(archive).newReader(archive)) {
            long tableData = reader.toc().entries().stream().filter(e -> e.is(EntryKind.TABLE_DATA)).count();
            PgRestore.Target to = into == Into.SCRIPT
                    ? new PgRestore.Target.Script(new SlowPipe(), StandardCharsets.UTF_8)
                    : PgRestore.Target.database(TestSource.of(target));
            RestoreOptions options = into == Into.PARALLEL ? RestoreOptions.builder().jobs(2).build()
                    : RestoreOptions.DEFAULTS;
            Cancellation cancel = new Cancellation();
            Events events = new Events();
            Stopped run = stopMidCopy(events, stop, cancel, () -> PgRestore.run(reader,
                    () -> ArchiveFormats.detect(archive).newReader(archive), options, to, events, ZoneId.of("UTC"),
                    cancel));
            run.assertCanceledInTime();
            assertNoBackendLeft(target);
            assertEquals(tableData, events.totals().tables());
            // the data blocks' lengths: nearly all of the uncompressed archive
            long size = Files.size(archive);
            long estimate = events.totals().estimatedBytes();
            assertTrue(estimate > size * 9 / 10 && estimate < size, estimate + " of " + size);
            assertEquals(tableData, events.firstRowsOf("big").of());
            if (into != Into.SCRIPT) {
                assertEquals("0", target.queryString("SELECT count(*) FROM public.big"), "the COPY was rolled back");
            }
        }
    }

    /** A reader at the end of a pipe that takes a while: a script restore that would otherwise end at once. */
    static final class SlowPipe extends OutputStream {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                Thread.sleep(0, 200_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // a pipe's write does not see interrupts; the run's next read does
            }
        }
    }

    /** What a run did once stopped. */
    record Stopped(Throwable failure, long millis) {
        void assertCanceledInTime() {
            assertInstanceOf(CanceledException.class, failure, () -> String.valueOf(failure));
            assertEquals("terminated by user", failure.getMessage());
            assertTrue(millis < LIMIT_MILLIS, "stopped " + millis + " ms after the cancel");
        }
    }

    /**
     * Runs {@code body} on a thread of its own, stops it ({@code stop}) once the big table's first rows went by and
     * measures how long it takes to return.
     */
    static Stopped stopMidCopy(Events events, Stop stop, Cancellation cancel, Runnable body) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                ended.countDown();
            }
        }, "cancel-it-run");
        t.start();
        assertTrue(events.bigRows.await(60, TimeUnit.SECONDS), "the big table's rows never came");
        long start = System.nanoTime();
        if (stop == Stop.CANCEL) {
            cancel.cancel();
        } else {
            t.interrupt();
        }
        assertTrue(ended.await(30, TimeUnit.SECONDS), "the run did not stop");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertNotNull(failure.get(), "the run finished instead of stopping");
        t.join();
        List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.equals("pgdump4j-cancel-watch") || n.startsWith("pgdump4j-pipeline")
                        || n.startsWith("pg_restore worker") || n.startsWith("pg_dump worker")).toList();
        assertEquals(List.of(), left, "the run's threads are left");
        return new Stopped(failure.get(), millis);
    }

    /** The database has no session but the test's own. */
    static void assertNoBackendLeft(TestDb db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement("SELECT count(*)"
                + " FROM pg_catalog.pg_stat_activity WHERE datname = ? AND pid <> pg_catalog.pg_backend_pid()")) {
            st.setString(1, db.name());
            while (true) {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("a backend of the run is left on " + db.name());
                }
                Thread.sleep(50);
            }
        }
    }

    /** Collects the events; opens {@link #bigRows} at the first progress of "big" with bytes. */
    static final class Events implements ProgressListener {
        final List<ProgressEvent> all = new CopyOnWriteArrayList<>();
        final CountDownLatch bigRows = new CountDownLatch(1);

        @Override
        public void event(ProgressEvent event) {
            all.add(event);
            if (event instanceof ProgressEvent.TableData d && d.table().name().equals("big") && d.bytes() > 0) {
                bigRows.countDown();
            }
        }

        ProgressEvent.Totals totals() {
            List<ProgressEvent.Totals> t = all.stream().filter(ProgressEvent.Totals.class::isInstance)
                    .map(ProgressEvent.Totals.class::cast).toList();
            assertEquals(1, t.size(), all::toString);
            return t.get(0);
        }

        List<ProgressEvent.Phase> phases() {
            return all.stream().filter(ProgressEvent.PhaseStarted.class::isInstance)
                    .map(e -> ((ProgressEvent.PhaseStarted) e).phase()).toList();
        }

        ProgressEvent.TableData firstRowsOf(String table) {
            return all.stream().filter(e -> e instanceof ProgressEvent.TableData d && d.table().name().equals(table)
                    && d.bytes() > 0).map(ProgressEvent.TableData.class::cast).findFirst().orElseThrow();
        }
    }
}
