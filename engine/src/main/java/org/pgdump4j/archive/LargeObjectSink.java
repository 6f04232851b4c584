package org.pgdump4j.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Receives the large objects of one BLOBS entry while an archive is written (see
 * {@link ArchiveWriter#openLargeObjects}). Call order: ({@link #openBlob} → write → close)* → {@link #close}.
 */
public interface LargeObjectSink extends Closeable {
    /** A stream for the contents of large object {@code oid}; the writer compresses it. Close it to end the LO. */
    OutputStream openBlob(long oid) throws IOException;

    /** Ends the BLOBS entry's data. */
    @Override
    void close() throws IOException;
}
