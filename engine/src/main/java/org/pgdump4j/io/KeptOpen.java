package org.pgdump4j.io;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A stream whose {@code close()} only flushes: what output to standard output (no {@code -f}) is written through. */
public final class KeptOpen {
    private KeptOpen() {
    }

    /** The process's standard output, unbuffered, left open when the stream is closed. */
    public static OutputStream stdout() {
        return of(new FileOutputStream(FileDescriptor.out));
    }

    /** {@code out}, left open when the stream is closed; writes pass straight through. */
    public static OutputStream of(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
