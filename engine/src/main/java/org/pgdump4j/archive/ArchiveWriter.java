package org.pgdump4j.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * Writes one archive. Call order: {@link #begin} → ({@link #openData} → write → close)* → {@link #finish} →
 * {@link #close}. Closing without finish abandons the archive: nothing that looks like a complete archive is
 * left at the target.
 */
public interface ArchiveWriter extends Closeable {
    /** Starts the archive; {@code toc} is the full TOC in archive order (data entries included). */
    void begin(ArchiveHeader header, Toc toc) throws IOException;

    /**
     * A stream for the data of one entry ({@code hasData}); the writer compresses it. Closing the stream ends
     * the entry's data. Entries may be opened in any order, one at a time unless {@link #supportsParallelData}.
     */
    OutputStream openData(TocEntry entry) throws IOException;

    /** Completes the archive (rewrites the TOC with offsets where the format does) and publishes it. */
    void finish() throws IOException;

    /**
     * The large objects of a BLOBS entry ({@code hasData}, desc {@code BLOBS}): one {@link LargeObjectSink} per entry,
     * used like {@link #openData}. Formats that cannot store large objects throw.
     */
    default LargeObjectSink openLargeObjects(TocEntry entry) throws IOException {
        throw new UnsupportedOperationException("this archive format cannot write large objects (TOC entry "
                + entry.dumpId() + ")");
    }

    default boolean supportsParallelData() {
        return false;
    }
}
