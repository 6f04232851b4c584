package org.pgdump4j.compress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import org.junit.jupiter.api.Test;

class PipelinedOutputStreamTest {
    private static boolean consumerAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals(name));
    }

    /** A run interrupted while its data is written: closing the stream fails and stops the consumer thread too. */
    @Test
    void closingOnAnInterruptedThreadStopsTheConsumer() throws Exception {
        String name = "pipeline-test-" + System.nanoTime();
        PipelinedOutputStream out = new PipelinedOutputStream(new ByteArrayOutputStream(), 16, 2, name);
        out.write(new byte[100]);
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, out::close);
        } finally {
            assertTrue(Thread.interrupted(), "the flag stays set");
        }
        for (int i = 0; i < 100 && consumerAlive(name); i++) {
            Thread.sleep(10);
        }
        assertFalse(consumerAlive(name), "the consumer thread is left waiting");
    }
}
