package org.pgdump4j.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;

/**
 * One archive format, found through {@link java.util.ServiceLoader} so the engine never names a format.
 * Implementations live in the format modules.
 */
public interface ArchiveFormat {
    /** pg_dump's name: "custom", "directory", "tar". */
    String name();

    /** Other spellings of -F: "c", "d", "t". */
    List<String> aliases();

    /** True when {@code path} holds an archive of this format (pg_restore's detection). */
    boolean canRead(Path path) throws IOException;

    /** @param target the file or directory to create; null for stdout where the format allows it */
    ArchiveWriter newWriter(@Nullable Path target, WriterOptions options) throws IOException;

    /** @param source the file or directory; null for stdin where the format allows it */
    ArchiveReader newReader(@Nullable Path source) throws IOException;

    /**
     * A writer into {@code out}, which it flushes but never closes (a file's writer also makes the file durable;
     * a stream is the caller's). Formats that are not a single stream (directory) refuse.
     */
    default ArchiveWriter newWriter(OutputStream out, WriterOptions options) throws IOException {
        throw new UsageException("the " + name() + " archive format cannot be written to a stream");
    }

    /**
     * A sequential reader of {@code in} (data read in archive order, as from standard input); {@code name} is what
     * messages call it (pg_restore says {@code stdin}). Formats that are not a single stream (directory) refuse.
     */
    default ArchiveReader newReader(InputStream in, String name) throws IOException {
        throw new UsageException("the " + name() + " archive format cannot be read from a stream");
    }
}
