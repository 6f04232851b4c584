package org.pgdump4j.archive;

import java.util.Objects;
import org.pgdump4j.compress.Compression;

/** How an archive is written: version (for older pg_restore) and data compression. */
public record WriterOptions(ArchiveVersion version, Compression compression) {
    public WriterOptions {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(compression, "compression");
    }
}
