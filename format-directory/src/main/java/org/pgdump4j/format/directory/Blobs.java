package org.pgdump4j.format.directory;

import java.io.IOException;
import java.io.InputStream;

/**
 * Large objects of a BLOBS entry as the directory and tar readers hand them out (one file or member per large
 * object plus a list); {@link org.pgdump4j.restore.ReaderExtras#readLargeObjects} is implemented with it.
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
}
