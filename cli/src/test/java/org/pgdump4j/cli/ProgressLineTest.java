package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.pgdump4j.progress.ProgressEvent;
import org.pgdump4j.progress.ProgressEvent.Phase;

class ProgressLineTest {
    private final AtomicLong clock = new AtomicLong(5_000_000_000L);
    private final StringWriter out = new StringWriter();
    private final ProgressLine line = new ProgressLine("pg_dump", new PrintWriter(out), clock::get);
    private final ProgressEvent.Entry big = new ProgressEvent.Entry(7, "TABLE DATA", "public", "big");

    private void after(long millis, ProgressEvent e) {
        clock.addAndGet(millis * 1_000_000);
        line.event(e);
    }

    @Test
    void nothingInTheFirstSecondThenAtMostTwiceASecond() {
        after(0, new ProgressEvent.PhaseStarted(Phase.CONNECT));
        after(300, new ProgressEvent.PhaseStarted(Phase.READ_CATALOG));
        after(600, new ProgressEvent.Totals(3, 60_000_000));
        assertEquals("", out.toString(), "a quick run shows nothing");
        after(200, new ProgressEvent.PhaseStarted(Phase.DATA));
        after(100, new ProgressEvent.TableData(big, 2, 3, 0, 0, 50_000_000, false));
        after(300, new ProgressEvent.TableData(big, 2, 3, 1_234_567, 45_200_000, 50_000_000, false));
        after(200, new ProgressEvent.TableData(big, 2, 3, 2_000_000, 50_000_000, 50_000_000, false));
        assertEquals("\rpg_dump: table -/3, 0 rows, 0 B (tables 60.0 MB), 0:01\033[K"
                + "\rpg_dump: table 2/3 public.big, 2,000,000 rows, 50.0 MB (tables 60.0 MB), 0:01\033[K",
                out.toString());
    }

    @Test
    void finishedTablesAddUpAndClearErasesTheLine() {
        after(0, new ProgressEvent.Totals(3, -1));
        after(0, new ProgressEvent.PhaseStarted(Phase.DATA));
        after(0, new ProgressEvent.TableData(big, 1, 3, 10, 100, -1, true));
        after(61_000, new ProgressEvent.TableData(big, 2, 3, 5, 2_500, -1, false));
        line.clear();
        line.clear();
        assertEquals("\rpg_dump: table 2/3 public.big, 15 rows, 2.6 kB, 1:01\033[K\r\033[K", out.toString());
    }

    @Test
    void tablesReadAtOnceAddUp() {
        ProgressEvent.Entry other = new ProgressEvent.Entry(9, "TABLE DATA", "public", "other");
        after(0, new ProgressEvent.Totals(3, -1));
        after(0, new ProgressEvent.PhaseStarted(Phase.DATA));
        after(0, new ProgressEvent.TableData(big, 1, 3, 100, 1000, -1, false));
        after(0, new ProgressEvent.TableData(other, 2, 3, 20, 200, -1, false));
        after(0, new ProgressEvent.TableData(big, 1, 3, 200, 2000, -1, false));
        after(1000, new ProgressEvent.TableData(other, 2, 3, 30, 300, -1, true));
        assertEquals("\rpg_dump: table 1/3 public.big, 230 rows, 2.3 kB, 0:01\033[K", out.toString());
    }

    @Test
    void aLongTableNameIsShortenedNotTheNumbers() {
        ProgressEvent.Entry wide = new ProgressEvent.Entry(8, "TABLE DATA", "s", "t".repeat(200));
        after(0, new ProgressEvent.Totals(1, 241_700_000));
        after(0, new ProgressEvent.PhaseStarted(Phase.DATA));
        after(12_000, new ProgressEvent.TableData(wide, 1, 1, 2_521_609, 102_300_000, -1, false));
        assertEquals("\rpg_dump: table 1/1 s.ttttt..., 2,521,609 rows, 102.3 MB (tables 241.7 MB), 0:12\033[K",
                out.toString());
        assertEquals(79, out.toString().length() - 4);
    }

    @Test
    void sizes() {
        assertEquals("999 B", ProgressLine.size(999));
        assertEquals("1.0 kB", ProgressLine.size(1000));
        assertEquals("3.1 GB", ProgressLine.size(3_100_000_000L));
    }

    @Test
    void noTerminalWithoutTermOrWithADumbOne() {
        assertFalse(ProgressLine.stderrIsTerminal(Map.of()));
        assertFalse(ProgressLine.stderrIsTerminal(Map.of("TERM", "dumb")));
    }
}
