package org.pgdump4j.archive;

import java.util.Objects;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.io.Sync;

/**
 * How an archive is written: version (for older pg_restore), data compression, and how the finished archive is
 * made durable ({@code --no-sync}, {@code --sync-method}).
 */
public record WriterOptions(ArchiveVersion version, Compression compression, Sync sync) {
    public WriterOptions {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(sync, "sync");
    }

    /** With pg_dump's default durability (fsync). */
    public WriterOptions(ArchiveVersion version, Compression compression) {
        this(version, compression, Sync.FSYNC);
    }
}
