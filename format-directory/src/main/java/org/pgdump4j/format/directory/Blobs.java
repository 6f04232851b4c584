package org.pgdump4j.format.directory;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Large objects of a BLOBS entry, as the directory and tar formats store them (one file or member per large
 * object plus a list). Interim shape until the engine's SPI grows its large-object methods; the formats then
 * implement those with these.
 */
public final class Blobs {
    private Blobs() {
    }

    /** Receives the large objects of a BLOBS entry in archive order. */
    @FunctionalInterface
    public interface Consumer {
        /** {@code data} is valid only during the call; the callee need not close it. */
        void accept(long oid, InputStream data) throws IOException;
    }

    /**
     * Writes the large objects of one BLOBS entry: {@link #openBlob} for each (one at a time, each stream closed
     * before the next is opened), then {@link #close} to end the entry.
     */
    public interface Sink extends Closeable {
        OutputStream openBlob(long oid) throws IOException;
    }
}
