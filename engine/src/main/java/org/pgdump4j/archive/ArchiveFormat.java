package org.pgdump4j.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
}
