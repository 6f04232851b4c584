package org.pgdump4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.progress.ProgressEvent;

/**
 * The CLI's progress display on a terminal: one line on stderr, redrawn in place ({@code \r}, erase to the end) at
 * most twice a second once the run has taken a second: the phase, tables N/M with the current one, rows and bytes
 * of COPY data so far, the tables' estimated size (on disk for a dump, in the archive for a restore), the time
 * elapsed. Only when stderr is a terminal and {@code -v} is not given, so
 * pipelines and scripts see exactly pg_dump's stderr. {@link #clear()} erases it before any other line is printed.
 * Single-threaded: the run's thread calls it.
 */
final class ProgressLine {
    static final long FIRST_AFTER_NANOS = 1_000_000_000L;
    static final long EVERY_NANOS = 500_000_000L;
    private static final int WIDTH = 79;

    private final String program;
    private final PrintWriter err;
    private final LongSupplier clock;
    private final long start;
    private ProgressEvent.@Nullable Phase phase;
    private int tables = -1;
    private long estimate = -1;
    /** The tables being read (several in a parallel restore), by dump id; the last one heard is shown. */
    private final Map<Integer, ProgressEvent.TableData> running = new LinkedHashMap<>();
    private ProgressEvent.@Nullable TableData current;
    private long finishedRows;
    private long finishedBytes;
    private long lastDraw;
    private boolean shown;

    ProgressLine(String program, PrintWriter err, LongSupplier clock) {
        this.program = Objects.requireNonNull(program, "program");
        this.err = Objects.requireNonNull(err, "err");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.start = clock.getAsLong();
    }

    /**
     * True when stderr is a terminal that can redraw a line: {@code /proc/self/fd/2} is a tty or pty (Linux; elsewhere
     * never) and {@code TERM} is set and not {@code dumb}.
     */
    static boolean stderrIsTerminal(Map<String, String> env) {
        String term = env.get("TERM");
        if (term == null || term.isEmpty() || term.equals("dumb")) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    void event(ProgressEvent e) {
        if (e instanceof ProgressEvent.PhaseStarted p) {
            phase = p.phase();
        } else if (e instanceof ProgressEvent.Totals t) {
            tables = t.tables();
            estimate = t.estimatedBytes();
        } else if (e instanceof ProgressEvent.TableData d) {
            if (d.done()) {
                finishedRows += d.rows();
                finishedBytes += d.bytes();
                running.remove(d.table().dumpId());
                current = running.isEmpty() ? null : running.values().iterator().next();
            } else {
                running.put(d.table().dumpId(), d);
                current = d;
            }
        }
        long now = clock.getAsLong();
        if (now - start >= FIRST_AFTER_NANOS && now - lastDraw >= EVERY_NANOS) {
            lastDraw = now;
            err.print("\r" + text(now) + "\033[K");
            err.flush();
            shown = true;
        }
    }

    /** Erases the line, if shown; the next event draws it again. */
    void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
            lastDraw = 0;
        }
    }

    /** The line, at most {@value #WIDTH} characters: a long table name is shortened, never the numbers. */
    String text(long now) {
        long seconds = (now - start) / 1_000_000_000L;
        String elapsed = ", " + seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
        String head = program + ": ";
        if (phase != ProgressEvent.Phase.DATA || tables < 0) {
            return cut(head + phaseName() + elapsed);
        }
        ProgressEvent.TableData d = current;
        head += "table " + (d == null ? "-" : Integer.toString(d.number())) + "/" + tables;
        long rows = finishedRows;
        long bytes = finishedBytes;
        for (ProgressEvent.TableData r : running.values()) {
            rows += r.rows();
            bytes += r.bytes();
        }
        String tail = ", " + String.format(Locale.ROOT, "%,d", rows) + " rows, " + size(bytes)
                + (estimate > 0 ? " (tables " + size(estimate) + ")" : "") + elapsed;
        String name = d == null ? "" : " " + (d.table().schema() == null ? "" : d.table().schema() + ".")
                + d.table().name();
        int room = WIDTH - head.length() - tail.length();
        if (name.length() > room) {
            name = room > 4 ? name.substring(0, room - 3) + "..." : "";
        }
        return cut(head + name + tail);
    }

    private static String cut(String line) {
        return line.length() > WIDTH ? line.substring(0, WIDTH) : line;
    }

    private String phaseName() {
        if (phase == null) {
            return "starting";
        }
        return switch (phase) {
            case CONNECT -> "connecting";
            case READ_CATALOG -> "reading the catalog";
            case PRE_DATA -> "pre-data";
            case DATA -> "data";
            case POST_DATA -> "post-data";
            case FINISH -> "finishing";
        };
    }

    /** {@code 512 B}, {@code 1.5 kB}, {@code 45.2 MB}, {@code 3.1 GB} (powers of 1000). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
