package org.pgdump4j.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pgdump4j.RestoreException;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.toc.TocEntry;

/**
 * The leader's loop and its worker threads over fake sessions (no server): every selected entry once, after its
 * dependencies, never beside a lock conflict; pg_restore's error count; and a failing worker stopping everything.
 */
class ParallelWorkersTest {
    /** When an entry ran, on which thread. */
    record Span(TocEntry te, long start, long end) {
    }

    /** Sessions that sleep a little per entry and record it; entry {@code failAt} fails, {@code errorsAt} errs. */
    static final class Fakes implements ParallelWorkers.SessionFactory {
        final List<Span> spans = new CopyOnWriteArrayList<>();
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger cancelled = new AtomicInteger();
        final Map<Integer, Integer> errorsAt = new ConcurrentHashMap<>();
        /** Entries that wait (5 s at most) until the other one has started too: side by side whatever the load. */
        final Set<Integer> meet = ConcurrentHashMap.newKeySet();
        final CountDownLatch meeting = new CountDownLatch(2);
        volatile int failAt = -1;

        @Override
        public ParallelWorkers.Session open() {
            opened.incrementAndGet();
            return new ParallelWorkers.Session() {
                @Override
                public int restore(TocEntry te) {
                    long start = System.nanoTime();
                    if (te.dumpId() == failAt) {
                        throw new RestoreException("COPY failed for table \"" + te.tag() + "\": boom");
                    }
                    try {
                        if (meet.contains(te.dumpId())) {
                            meeting.countDown();
                            meeting.await(5, TimeUnit.SECONDS);
                        }
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    spans.add(new Span(te, start, System.nanoTime()));
                    return errorsAt.getOrDefault(te.dumpId(), 0);
                }

                @Override
                public void cancel() {
                    cancelled.incrementAndGet();
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }
    }

    static final class Errors implements RestoreListener {
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void error(String message) {
            errors.add(message);
        }
    }

    static ParallelSchedule afterPrefork() {
        return ParallelScheduleTest.afterPrefork();
    }

    Span span(Fakes f, TocEntry te) {
        return f.spans.stream().filter(s -> s.te() == te).findFirst().orElseThrow(() -> new AssertionError(te));
    }

    @Test
    void everyEntryRunsOnceAfterItsDependenciesAndNeverBesideALockConflict() throws IOException {
        Fakes f = new Fakes();
        f.errorsAt.put(ParallelScheduleTest.PK.dumpId(), 2);
        f.meet.add(ParallelScheduleTest.T1_DATA.dumpId());
        f.meet.add(ParallelScheduleTest.T2_DATA.dumpId());
        ParallelSchedule s = afterPrefork();
        int errors = new ParallelWorkers(3, f, te -> te != ParallelScheduleTest.ACL, ProgressListener.NONE).run(s);
        List<TocEntry> ran = f.spans.stream().map(Span::te).toList();
        assertEquals(7, ran.size(), ran.toString());
        assertFalse(ran.contains(ParallelScheduleTest.ACL), "not selected: passed over without a worker");
        assertTrue(ran.contains(ParallelScheduleTest.MV_DATA), "after the ACL pass, even with its ACL skipped");
        assertTrue(span(f, ParallelScheduleTest.T1_DATA).end() <= span(f, ParallelScheduleTest.INDEX).start());
        assertTrue(span(f, ParallelScheduleTest.PK).end() <= span(f, ParallelScheduleTest.FK).start());
        assertTrue(span(f, ParallelScheduleTest.T2_DATA).end() <= span(f, ParallelScheduleTest.FK).start());
        Span index = span(f, ParallelScheduleTest.INDEX);
        Span pk = span(f, ParallelScheduleTest.PK);
        assertTrue(index.end() <= pk.start() || pk.end() <= index.start(), "the key's ALTER TABLE beside the index");
        Span t2 = span(f, ParallelScheduleTest.T2_DATA);
        Span t1 = span(f, ParallelScheduleTest.T1_DATA);
        assertTrue(t1.start() < t2.end() && t2.start() < t1.end(), "the two tables' data load side by side");
        assertEquals(3, errors, "two errors in one entry count three, as pg_restore counts them");
        assertEquals(3, f.opened.get());
        assertEquals(3, f.closed.get());
        assertEquals(List.of(ParallelScheduleTest.LOOP_A, ParallelScheduleTest.LOOP_B), s.leftovers());
    }

    @Test
    void aFailingWorkerStopsEveryOneAndNothingAfterItRuns() {
        Fakes f = new Fakes();
        f.failAt = ParallelScheduleTest.T1_DATA.dumpId();
        Errors listener = new Errors();
        RestoreException e = assertThrows(RestoreException.class,
                () -> new ParallelWorkers(2, f, te -> true, listener).run(afterPrefork()));
        assertEquals("a worker process died unexpectedly", e.getMessage());
        assertEquals(List.of("COPY failed for table \"t1\": boom"), listener.errors);
        assertEquals(f.opened.get(), f.closed.get(), "every session closed, every thread joined");
        assertTrue(f.cancelled.get() >= 1, "the running statements were cancelled");
        List<TocEntry> ran = f.spans.stream().map(Span::te).toList();
        assertFalse(ran.contains(ParallelScheduleTest.INDEX) || ran.contains(ParallelScheduleTest.PK), ran.toString());
    }

    @Test
    void aWorkerThatCannotConnectStopsTheRestore() {
        ParallelWorkers.SessionFactory refused = () -> {
            throw new org.pgdump4j.ConnectionException("connection to server failed: FATAL:  too many clients");
        };
        Errors listener = new Errors();
        RestoreException e = assertThrows(RestoreException.class,
                () -> new ParallelWorkers(2, refused, te -> true, listener).run(afterPrefork()));
        assertEquals("a worker process died unexpectedly", e.getMessage());
        assertTrue(listener.errors.get(0).contains("too many clients"), listener.errors.toString());
    }
}
