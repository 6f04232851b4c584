package org.pgdump4j.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.pgdump4j.CanceledException;
import org.pgdump4j.progress.Cancellation;
import org.pgdump4j.progress.ProgressEvent;
import org.pgdump4j.progress.ProgressEvent.Phase;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.progress.ProgressEvent.TableData;
import org.pgdump4j.toc.CatalogId;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.TocEntry;

class RunMonitorTest {
    private final List<ProgressEvent> events = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void event(ProgressEvent event) {
            events.add(event);
        }
    };

    private static TocEntry data(int id, String table) {
        return new TocEntry(id, CatalogId.NONE, "TABLE DATA", Section.DATA,
                new TocEntry.EntryNames(table, "public", "o", null, null),
                new TocEntry.EntrySql("", "", "COPY public." + table + " (a) FROM stdin;\n"), List.of(), true);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void phasesOnlyMoveForwardAndTotalsAreSentOnce() {
        RunMonitor m = new RunMonitor(listener, null, clock::get);
        m.phase(Phase.CONNECT);
        m.phase(Phase.READ_CATALOG);
        m.totals(List.of(data(1, "a"), data(2, "b")), e -> e.dumpId() * 100L);
        m.phase(Phase.PRE_DATA);
        m.phase(Phase.READ_CATALOG); // a script's ACL pass after its post-data: no step back
        m.phase(Phase.PRE_DATA);
        m.totals(List.of(data(1, "a")), e -> 5); // the script rendering's own count: the dump's stays
        m.phase(Phase.DATA);
        assertEquals(List.of(new ProgressEvent.PhaseStarted(Phase.CONNECT),
                new ProgressEvent.PhaseStarted(Phase.READ_CATALOG), new ProgressEvent.Totals(2, 300),
                new ProgressEvent.PhaseStarted(Phase.PRE_DATA), new ProgressEvent.PhaseStarted(Phase.DATA)), events);
    }

    @Test
    void anUnknownEstimateMakesTheTotalUnknown() {
        new RunMonitor(listener, null, clock::get).totals(List.of(data(1, "a"), data(2, "b")),
                e -> e.dumpId() == 1 ? 10 : -1);
        assertEquals(List.of(new ProgressEvent.Totals(2, -1)), events);
    }

    @Test
    void rowsAreLinesBeforeTheCopyTerminatorAndTablesAreNumbered() throws IOException {
        RunMonitor m = new RunMonitor(listener, null, clock::get);
        m.totals(List.of(data(7, "a"), data(8, "b")), e -> 8192);
        String copy = "1\n\\N\n\n\\.foo\n\\.\n\n\n";
        m.tableData(data(7, "a"), text(copy)).readAllBytes();
        try (InputStream in = m.tableData(data(8, "b"), text("x\ny\n"))) {
            while (in.read() >= 0) {
                // byte by byte: the single-byte read counts the same
            }
        }
        var a = new ProgressEvent.Entry(7, "TABLE DATA", "public", "a");
        var b = new ProgressEvent.Entry(8, "TABLE DATA", "public", "b");
        assertEquals(List.of(new ProgressEvent.Totals(2, 16384),
                new TableData(a, 1, 2, 0, 0, 8192, false),
                new TableData(a, 1, 2, 4, copy.length(), 8192, true),
                new TableData(b, 2, 2, 0, 0, 8192, false),
                new TableData(b, 2, 2, 2, 4, 8192, true)), events);
    }

    /** A stream that counts its rows itself, as a dump's COPY does: 3 rows, whatever its bytes hold. */
    private static final class Counted extends ByteArrayInputStream implements CountedRows {
        Counted(String s) {
            super(s.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public long rowsSoFar() {
            return pos == count ? 3 : 1;
        }
    }

    @Test
    void aStreamThatCountsItsRowsIsNotScannedAndItsTransferIsCounted() throws IOException {
        RunMonitor m = new RunMonitor(listener, null, clock::get);
        m.totals(List.of(data(1, "a")), e -> 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String body = "x".repeat(200_000); // no newline at all
        assertEquals(body.length(), m.tableData(data(1, "a"), new Counted(body)).transferTo(out));
        assertEquals(body, out.toString(StandardCharsets.UTF_8));
        var a = new ProgressEvent.Entry(1, "TABLE DATA", "public", "a");
        assertEquals(List.of(new ProgressEvent.Totals(1, 10), new TableData(a, 1, 1, 1, 0, 10, false),
                new TableData(a, 1, 1, 3, body.length(), 10, true)), events);
    }

    @Test
    void progressIsThrottledToOneEventAnInterval() throws IOException {
        RunMonitor m = new RunMonitor(listener, null, clock::get);
        m.totals(List.of(data(1, "a")), e -> -1);
        InputStream in = m.tableData(data(1, "a"), text("r\n".repeat(1000)));
        byte[] buf = new byte[2];
        for (int i = 0; i < 1000; i++) {
            assertEquals(2, in.read(buf));
            clock.addAndGet(RunMonitor.INTERVAL_NANOS / 10); // ten reads an interval
        }
        assertEquals(-1, in.read(buf));
        List<TableData> data = events.stream().filter(TableData.class::isInstance).map(TableData.class::cast)
                .toList();
        // the start, one every tenth read after it (the 11th, 21st, ... 991st), the end
        assertEquals(1 + 99 + 1, data.size());
        assertEquals(new TableData(data.get(0).table(), 1, 1, 1000, 2000, -1, true), data.get(data.size() - 1));
        for (int i = 1; i < data.size(); i++) {
            assertTrue(data.get(i).rows() >= data.get(i - 1).rows());
        }
        assertEquals(11, data.get(1).rows());
        assertEquals(991, data.get(99).rows());
    }

    @Test
    void aTableNotReadToItsEndIsNotDone() throws IOException {
        RunMonitor m = new RunMonitor(listener, null, clock::get);
        try (InputStream in = m.tableData(data(1, "a"), text("1\n2\n"))) {
            in.read();
        }
        assertTrue(events.stream().noneMatch(e -> e instanceof TableData t && t.done()), events::toString);
        // without totals (a caller that skipped them), the table counts itself
        assertEquals(new TableData(new ProgressEvent.Entry(1, "TABLE DATA", "public", "a"), 1, 1, 0, 0, -1, false),
                events.get(0));
    }

    @Test
    void everyReadChecksForACancel() throws IOException {
        Cancellation cancel = new Cancellation();
        try (CancelWatch watch = CancelWatch.start(cancel)) {
            RunMonitor m = new RunMonitor(listener, watch, clock::get);
            InputStream in = m.tableData(data(1, "a"), text("1\n2\n"));
            in.read();
            cancel.cancel();
            assertThrows(CanceledException.class, in::read);
            assertThrows(CanceledException.class, () -> m.phase(Phase.DATA));
            assertThrows(CanceledException.class, () -> m.started(data(1, "a")));
        }
    }
}
