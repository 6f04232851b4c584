package org.pgdump4j.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pgdump4j.CanceledException;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.progress.Cancellation;

class CancelWatchTest {
    @Test
    void aRunStartedWithACanceledHandleStopsAtOnce() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        CanceledException e = assertThrows(CanceledException.class, () -> CancelWatch.start(cancel));
        assertEquals("terminated by user", e.getMessage());
    }

    @Test
    void failuresAfterACancelBecomeCanceledKeepingTheirCause() {
        Cancellation cancel = new Cancellation();
        try (CancelWatch watch = CancelWatch.start(cancel)) {
            PgDumpException odd = new PgDumpException("could not write to output file: Closed by interrupt");
            assertSame(odd, watch.translate(odd));
            watch.check();
            cancel.cancel();
            assertTrue(watch.fired());
            RuntimeException t = watch.translate(odd);
            assertTrue(t instanceof CanceledException);
            assertSame(odd, t.getCause());
            assertThrows(CanceledException.class, watch::check);
        }
    }

    @Test
    void anInterruptOfTheRunningThreadCancels() {
        try (CancelWatch watch = CancelWatch.start(new Cancellation())) {
            assertFalse(watch.fired());
            Thread.currentThread().interrupt();
            assertThrows(CanceledException.class, watch::check);
            assertTrue(Thread.currentThread().isInterrupted(), "the flag stays for the caller");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theWatcherThreadEndsWithTheRun() throws InterruptedException {
        CancelWatch watch = CancelWatch.start(new Cancellation());
        watch.close();
        Thread.sleep(50);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("pgdump4j-cancel-watch") && t.isAlive()));
    }
}
