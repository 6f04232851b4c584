package org.pgdump4j.monitor;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.progress.ProgressEvent;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.toc.TocEntry;

/**
 * Internal: one run's side of the {@link ProgressEvent}s, and its cancel checks. Phases only move forward, the
 * totals are sent once (a plain dump's, known from the catalog, win over what its script rendering finds), tables
 * are numbered in the order their data starts, and a table's progress is sent at most every
 * {@link #INTERVAL_NANOS} besides its start and end. Thread-safe: a parallel restore's workers share it (each
 * table's stream is read by one thread; the listener hears them all).
 */
public final class RunMonitor {
    /** A quarter second between a table's progress events. */
    public static final long INTERVAL_NANOS = 250_000_000L;

    private final ProgressListener listener;
    private final @Nullable CancelWatch watch;
    private final LongSupplier clock;
    private ProgressEvent.@Nullable Phase phase;
    private boolean totalsSent;
    private int tables = -1;
    private final Map<Integer, Long> estimates = new HashMap<>();
    private int started;

    public RunMonitor(ProgressListener listener, @Nullable CancelWatch watch) {
        this(listener, watch, System::nanoTime);
    }

    /** With the clock that spaces progress events (tests use their own). */
    public RunMonitor(ProgressListener listener, @Nullable CancelWatch watch, LongSupplier clock) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.watch = watch;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A monitor that only forwards events: no cancel watch. */
    public static RunMonitor of(ProgressListener listener) {
        return new RunMonitor(listener, null);
    }

    public ProgressListener listener() {
        return listener;
    }

    /** Throws {@link org.pgdump4j.CanceledException} when the run was asked to stop. */
    public void check() {
        if (watch != null) {
            watch.check();
        }
    }

    /** Enters {@code next} unless the run is there or past it already. */
    public synchronized void phase(ProgressEvent.Phase next) {
        check();
        if (phase == null || next.compareTo(phase) > 0) {
            phase = next;
            listener.event(new ProgressEvent.PhaseStarted(next));
        }
    }

    /**
     * The TABLE DATA entries ahead, with each one's estimated bytes (-1 unknown); ignored once totals were sent.
     */
    public synchronized void totals(List<TocEntry> tableData, ToLongFunction<TocEntry> estimate) {
        if (totalsSent) {
            return;
        }
        totalsSent = true;
        long sum = 0;
        for (TocEntry e : tableData) {
            long n = estimate.applyAsLong(e);
            estimates.put(e.dumpId(), n);
            sum = sum < 0 || n < 0 ? -1 : sum + n;
        }
        tables = tableData.size();
        listener.event(new ProgressEvent.Totals(tables, sum));
    }

    public void started(TocEntry e) {
        check();
        listener.event(new ProgressEvent.EntryStarted(entry(e)));
    }

    public void finished(TocEntry e) {
        listener.event(new ProgressEvent.EntryFinished(entry(e)));
    }

    /**
     * {@code data}, a TABLE DATA entry's COPY text, counted as it is read: its rows (lines) and bytes go out as
     * {@link ProgressEvent.TableData}, at its start, every {@link #INTERVAL_NANOS} while it is read and at its end
     * (once read to the end). Every read checks for a cancel, and so does every 64 kB of a {@code transferTo}. A
     * stream that counts its own rows ({@link CountedRows}: a dump's COPY) is not scanned for newlines.
     */
    public synchronized InputStream tableData(TocEntry table, InputStream data) {
        started++;
        Meter m = new Meter(entry(table), started, Math.max(tables, started),
                estimates.getOrDefault(table.dumpId(), -1L), data);
        m.send(false);
        return m;
    }

    private static ProgressEvent.Entry entry(TocEntry e) {
        return new ProgressEvent.Entry(e.dumpId(), e.desc(), e.namespace(), e.tag());
    }

    private final class Meter extends FilterInputStream {
        /** Bytes a {@code transferTo} passes on between two cancel checks and clock reads. */
        private static final int CHECK_BYTES = 1 << 16;

        private final @Nullable CountedRows counted;
        private final ProgressEvent.Entry table;
        private final int number;
        private final int of;
        private final long estimate;
        private long rows;
        private long bytes;
        private long last;
        private boolean ended;
        private int lineLength; // bytes of the current line so far, stopping at 3
        private boolean terminator; // the current line so far is a prefix of "\."
        private boolean copyEnded; // the "\." line was read: what follows is not rows

        Meter(ProgressEvent.Entry table, int number, int of, long estimate, InputStream in) {
            super(in);
            this.table = table;
            this.number = number;
            this.of = of;
            this.estimate = estimate;
            this.counted = in instanceof CountedRows c ? c : null;
        }

        @Override
        public int read() throws IOException {
            check();
            int c = in.read();
            if (c < 0) {
                end();
            } else {
                bytes++;
                if (counted == null) {
                    count((byte) c);
                }
                tick();
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            int n = in.read(b, off, len);
            if (n < 0) {
                end();
                return n;
            }
            bytes += n;
            if (counted == null) {
                for (int i = off, to = off + n; i < to; i++) {
                    count(b[i]);
                }
            }
            tick();
            return n;
        }

        /** A counting stream's own transfer (a COPY's rows straight from the driver's buffer), its bytes counted. */
        @Override
        public long transferTo(OutputStream out) throws IOException {
            if (counted == null) {
                return super.transferTo(out);
            }
            check();
            long n = in.transferTo(new OutputStream() {
                private long unchecked;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    bytes += len;
                    unchecked += len;
                    if (unchecked >= CHECK_BYTES) {
                        unchecked = 0;
                        check();
                        tick();
                    }
                }
            });
            end();
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[8192];
            long done = 0;
            while (done < n) {
                int k = read(buf, 0, (int) Math.min(buf.length, n - done));
                if (k < 0) {
                    break;
                }
                done += k;
            }
            return done;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** A row is a line of COPY text before its {@code \.} line (an archive keeps two empty lines after it). */
        private void count(byte c) {
            if (c == '\n') {
                if (terminator && lineLength == 2) {
                    copyEnded = true;
                } else if (!copyEnded) {
                    rows++;
                }
                lineLength = 0;
            } else if (lineLength < 3) {
                terminator = lineLength == 0 ? c == '\\' : terminator && lineLength == 1 && c == '.';
                lineLength++;
            }
        }

        private void tick() {
            if (clock.getAsLong() - last >= INTERVAL_NANOS) {
                send(false);
            }
        }

        private void end() {
            if (!ended) {
                ended = true;
                send(true);
            }
        }

        void send(boolean done) {
            last = clock.getAsLong();
            long r = counted != null ? counted.rowsSoFar() : rows;
            listener.event(new ProgressEvent.TableData(table, number, of, r, bytes, estimate, done));
        }
    }
}
