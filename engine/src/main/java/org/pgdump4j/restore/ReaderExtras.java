package org.pgdump4j.restore;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.toc.TocEntry;

/**
 * What restore needs from an archive reader beyond {@link org.pgdump4j.archive.ArchiveReader}: the large objects of
 * a BLOBS entry one by one, and the format's extra {@code -v} comment line. Format readers implement it next to
 * {@code ArchiveReader}; {@link PgRestore} uses it when the reader does. (Candidates for default methods on
 * {@code ArchiveReader}.)
 */
public interface ReaderExtras {
    /**
     * The line pg_restore -v prints after an entry's Name line, without the newline: custom format
     * {@code -- Data Pos: 10679} (0 for entries without data), directory/tar {@code -- File: 3372.dat} (only for
     * entries with a file); empty for none.
     */
    default Optional<String> verboseTocLine(TocEntry entry) {
        return Optional.empty();
    }

    /**
     * Hands every large object of a BLOBS entry, in archive order, to {@code consumer}; each stream holds the
     * decompressed bytes of one object and is valid only during the call.
     */
    default void readLargeObjects(TocEntry blobs, LargeObjectConsumer consumer) throws IOException {
        throw new ArchiveFormatException("this archive reader cannot read large objects (TOC entry "
                + blobs.dumpId() + " \"" + blobs.tag() + "\")");
    }

    /**
     * The stored size of an entry's data, the priority of its job in a parallel restore (pg_restore's dataLength,
     * set by the format's PrepParallelRestorePtr); 0 when unknown.
     */
    default long dataLength(TocEntry entry) {
        return 0;
    }

    /** Receives one large object. */
    @FunctionalInterface
    interface LargeObjectConsumer {
        void accept(long oid, InputStream data) throws IOException;
    }
}
