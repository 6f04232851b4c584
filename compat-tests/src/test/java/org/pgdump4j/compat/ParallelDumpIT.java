package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.OutputFormat;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.progress.ProgressEvent;
import org.pgdump4j.restore.RestoreListener;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * pg_dump -j N -Fd (fixtures/parallel.sql: tables, partitions, a materialized view, large objects): our -j 2 and
 * -j 3 directories hold the files of our serial one, the same data once decompressed (gzip compared byte by byte; lz4
 * and zstd through the script real pg_restore 18 prints), and a toc.dat that pg_restore 18 lists and prints as the
 * serial one's; pg_dump 18's own -j 2 directory prints the same entries; real pg_restore 18 -j 2 restores ours to the
 * source's rows. A lock queued after the leader's makes a worker's NOWAIT lock fail with pg_dump's words, leaving no
 * directory and no backend.
 */
class ParallelDumpIT {
    static Stream<Integer> majors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void parallelDirectoriesAreTheSerialOnesAndRestore(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "parallel.sql")) {
            db.execute("ANALYZE"); // table sizes for the largest-first order
            Map<String, String> rows = InteropTools.state(db);
            Path serial = dumpWithUs(db, dir.resolve("serial"), "-Fd");
            Path j2 = dumpWithUs(db, dir.resolve("j2"), "-Fd", "-j", "2");
            Path j3 = dumpWithUs(db, dir.resolve("j3"), "-Fd", "-j", "3", "-Z", "lz4");
            assertSameGzipFiles(serial, j2);
            String script = InteropTools.realScript(18, serial);
            assertEquals(listing(serial), listing(j2));
            assertEquals(script, InteropTools.realScript(18, j2));
            assertEquals(names(serial), names(j3).stream().map(n -> n.replace(".lz4", ".gz")).toList());
            assertEquals(script, InteropTools.realScript(18, j3));
            if (major == 18) {
                Path zstd = dumpWithUs(db, dir.resolve("zstd"), "-Fd", "--jobs=2", "--compress=zstd");
                assertEquals(script, InteropTools.realScript(18, zstd));
            }

            Path theirs = InteropTools.realDump(18, db, List.of("-Fd", "-j", "2"), dir.resolve("theirs"));
            String diff = FamilyCompat.firstDifference(
                    FamilyCompat.entries(FamilyCompat.withoutVersions(InteropTools.realScript(18, theirs))),
                    FamilyCompat.entries(FamilyCompat.withoutVersions(script)));
            assertNull(diff, diff);

            try (TestDb copy = PgServers.freshDb(18, "pdumpcopy")) {
                ReferenceClients.Result r = InteropTools.real(18, "pg_restore",
                        List.of("-j", "2", "-e", "-d", copy.name(), j3.toString()), copy.libpqEnvironment());
                assertEquals(0, r.exitCode(), r.stderr());
                assertEquals(rows, InteropTools.state(copy));
            }
        }
    }

    /**
     * The rows a dump's progress reports at a table's end are its rows, counted without scanning the COPY text
     * (text COPY: one message a row, binary: decoded tuples, the completion tag at the end), serial and with -j 2.
     */
    @Test
    void progressCountsEveryTablesRows(@TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(18, "parallel.sql")) {
            for (int jobs : List.of(1, 2)) {
                List<ProgressEvent.TableData> done = new java.util.concurrent.CopyOnWriteArrayList<>();
                DumpOptions options = DumpOptions.defaults().withFormat(OutputFormat.DIRECTORY)
                        .withFile(dir.resolve("progress-" + jobs))
                        .withExecution(DumpOptions.Execution.DEFAULTS.withJobs(jobs));
                PgDump.run(TestSource.of(db), options, new org.pgdump4j.progress.ProgressListener() {
                    @Override
                    public void event(ProgressEvent event) {
                        if (event instanceof ProgressEvent.TableData d && d.done()) {
                            done.add(d);
                        }
                    }
                });
                assertTrue(done.size() >= 8, done::toString);
                for (ProgressEvent.TableData d : done) {
                    String table = "\"" + d.table().schema() + "\".\"" + d.table().name() + "\"";
                    assertEquals(db.queryString("SELECT count(*) FROM ONLY " + table), String.valueOf(d.rows()),
                            table + " with -j " + jobs);
                    assertTrue(d.bytes() > 0 || d.rows() == 0, d::toString);
                }
            }
        }
    }

    /**
     * Both workers take their first table and wait in their first progress event until a session has queued an
     * ACCESS EXCLUSIVE lock on the smallest table behind the leader's ACCESS SHARE: the worker that reaches it cannot
     * lock it without waiting, and the dump fails there as pg_dump's does.
     */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void aLockQueuedAfterTheLeadersFailsTheWorkerAsInPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "pdumplock")) {
            db.execute("CREATE TABLE big1 AS SELECT g FROM generate_series(1, 20000) g;"
                    + "CREATE TABLE big2 AS SELECT g FROM generate_series(1, 20000) g;"
                    + "CREATE TABLE victim (a int); INSERT INTO victim VALUES (1); ANALYZE");
            CountDownLatch queued = new CountDownLatch(1);
            AtomicBoolean queuing = new AtomicBoolean();
            List<String> errors = new ArrayList<>();
            try (Connection locker = db.connect()) {
                RestoreListener listener = new RestoreListener() {
                    @Override
                    public void event(ProgressEvent event) {
                        if (event instanceof ProgressEvent.TableData) {
                            if (queuing.compareAndSet(false, true)) {
                                queueExclusiveLock(db, locker, queued);
                            }
                            await(queued);
                        }
                    }

                    @Override
                    public void error(String message) {
                        errors.add(message);
                    }
                };
                Path out = dir.resolve("out");
                DumpOptions options = DumpOptions.defaults().withFormat(OutputFormat.DIRECTORY).withFile(out)
                        .withExecution(DumpOptions.Execution.DEFAULTS.withJobs(2));
                PgDumpException e = assertThrows(PgDumpException.class,
                        () -> PgDump.run(TestSource.of(db), options, listener));
                assertEquals("a worker process died unexpectedly", e.getMessage());
                assertEquals(List.of("could not obtain lock on relation \"public.victim\"\nThis usually means that"
                        + " someone requested an ACCESS EXCLUSIVE lock on the table after the pg_dump parent process"
                        + " had gotten the initial ACCESS SHARE lock on the table."), errors);
                assertFalse(Files.exists(out), "no directory that looks complete");
                try (Stream<Path> left = Files.list(dir)) {
                    assertEquals(List.of(), left.toList(), "no temporary sibling either");
                }
            }
            CancelIT.assertNoBackendLeft(db);
        }
    }

    /** A second thread queues {@code LOCK victim IN ACCESS EXCLUSIVE MODE} (it waits) and opens the latch. */
    private static void queueExclusiveLock(TestDb db, Connection locker, CountDownLatch queued) {
        Thread t = new Thread(() -> {
            try (Statement st = locker.createStatement()) {
                locker.setAutoCommit(false);
                st.execute("LOCK TABLE public.victim IN ACCESS EXCLUSIVE MODE"); // granted once the dump ends
                locker.rollback();
            } catch (Exception e) {
                // the test's own connection; the assertions tell what went wrong
            }
        }, "pdump-it-locker");
        t.setDaemon(true);
        t.start();
        new Thread(() -> {
            try {
                while (!"1".equals(db.queryString("SELECT count(*) FROM pg_catalog.pg_locks l"
                        + " JOIN pg_catalog.pg_class c ON c.oid = l.relation"
                        + " WHERE c.relname = 'victim' AND l.mode = 'AccessExclusiveLock' AND NOT l.granted"))) {
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                // the dump then runs on and the assertions fail
            } finally {
                queued.countDown();
            }
        }, "pdump-it-lock-watch").start();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "the lock was never queued");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code --snapshot} with {@code -j 2}: leader and workers see the exported snapshot, not what was committed after
     * it, as pg_dump 18's do; {@code --lock-wait-timeout} against a held lock fails with pg_dump 18's words.
     */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void snapshotAndLockWaitTimeoutAsPgDump18(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "pdumpsnap");
             Connection holder = db.connect(); Connection other = db.connect()) {
            db.execute("CREATE TABLE t (a int); INSERT INTO t VALUES (1)");
            holder.setAutoCommit(false);
            String snapshot;
            try (Statement st = holder.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                var rs = st.executeQuery("SELECT pg_catalog.pg_export_snapshot()");
                rs.next();
                snapshot = rs.getString(1);
            }
            try (Statement st = other.createStatement()) {
                st.execute("INSERT INTO t VALUES (2); CREATE TABLE later (b int)");
            }
            Path ours = dumpWithUs(db, dir.resolve("ours"), "-Fd", "-j", "2", "--snapshot=" + snapshot);
            Path theirs = InteropTools.realDump(18, db, List.of("-Fd", "-j", "2", "--snapshot=" + snapshot),
                    dir.resolve("theirs"));
            String script = InteropTools.realScript(18, ours);
            assertEquals(FamilyCompat.withoutVersions(InteropTools.realScript(18, theirs)),
                    FamilyCompat.withoutVersions(script));
            assertFalse(script.contains("later"), script);
            assertTrue(script.contains("COPY public.t (a) FROM stdin;\n1\n\\.\n"), script);
            holder.rollback();

            try (Statement st = other.createStatement()) {
                other.setAutoCommit(false);
                st.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
                List<String> args = List.of("--lock-wait-timeout=100ms", "-Fc", "-f", dir.resolve("x").toString(),
                        db.name());
                var real = InteropTools.real(18, "pg_dump", args, db.libpqEnvironment());
                List<String> mine = new ArrayList<>(List.of("dump"));
                mine.addAll(args);
                var ourRun = InProcessCli.run(db.libpqEnvironment(), mine.toArray(String[]::new));
                assertEquals(1, real.exitCode(), real.stderr());
                assertEquals(pgDumpLines(real.stderr()), pgDumpLines(ourRun.stderr()));
                assertEquals(real.exitCode(), ourRun.exitCode());
                other.rollback();
            }
        }
    }

    private static List<String> pgDumpLines(String stderr) {
        return stderr.lines().filter(l -> l.startsWith("pg_dump:")).toList();
    }

    /** pg_dump 18's option checks for -j and the session options, and ours, before any connection. */
    @Test
    void optionChecksAsPgDump18() {
        List<List<String>> sets = List.of(List.of("-j", "2", "-Fc"), List.of("-j", "2", "-Ft", "-f", "x"),
                List.of("-j", "0", "-Fd", "-f", "x"), List.of("-j", "abc", "-Fd", "-f", "x"),
                List.of("--jobs=99999999999", "-Fd", "-f", "x"), List.of("-j", "2", "-Fd"),
                List.of("-j", "2", "-Fd", "-f", "x", "--include-foreign-data=s"));
        for (List<String> args : sets) {
            var theirs = InteropTools.real(18, "pg_dump", args, Map.of());
            List<String> mine = new ArrayList<>(List.of("dump"));
            mine.addAll(args);
            var ours = InProcessCli.run(Map.of(), mine.toArray(String[]::new));
            assertEquals(theirs.stderr(), ours.stderr(), args.toString());
            assertEquals(theirs.exitCode(), ours.exitCode(), args.toString());
        }
    }

    private static Path dumpWithUs(TestDb db, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("dump"));
        args.addAll(List.of(options));
        args.addAll(List.of("-f", out.toString()));
        var r = InProcessCli.run(db.libpqEnvironment(), args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return out;
    }

    /** pg_restore 18 -l without the line that tells when the archive was made. */
    private static String listing(Path archive) {
        return InteropTools.realList(18, archive).replaceAll("(?m)^;\\s+Archive created at .*$", "");
    }

    private static List<String> names(Path archive) throws IOException {
        try (Stream<Path> files = Files.list(archive)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The same files, each data file the same once decompressed. */
    private static void assertSameGzipFiles(Path expected, Path actual) throws IOException {
        assertEquals(names(expected), names(actual));
        for (String name : names(expected)) {
            if (name.endsWith(".gz")) {
                assertArrayEquals(gunzip(expected.resolve(name)), gunzip(actual.resolve(name)), name);
            } else if (!name.equals("toc.dat")) {
                assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)),
                        name);
            }
        }
        assertEquals(Files.size(expected.resolve("toc.dat")), Files.size(actual.resolve("toc.dat")));
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
