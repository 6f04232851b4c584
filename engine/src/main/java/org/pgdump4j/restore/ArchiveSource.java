package org.pgdump4j.restore;

import java.io.IOException;
import org.pgdump4j.archive.ArchiveReader;

/**
 * Opens the archive being restored once more: every worker of a parallel restore reads its entries' data through a
 * reader of its own (pg_restore's ReopenPtr/ClonePtr), so the archive must be a file or a directory, not a stream.
 */
@FunctionalInterface
public interface ArchiveSource {
    /** A new reader of the same archive; the caller closes it. */
    ArchiveReader open() throws IOException;
}
