package org.pgdump4j.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/** Reads one archive: header and TOC up front, then entry data on demand. */
public interface ArchiveReader extends Closeable {
    ArchiveHeader header();

    Toc toc();

    /**
     * The decompressed data of an entry ({@code hasData}). On a sequential reader (stdin) entries must be asked
     * for in archive order.
     */
    InputStream openData(TocEntry entry) throws IOException;

    /** True when data can be read in any order (seekable file, directory): parallel restore needs it. */
    boolean isRandomAccess();
}
