package org.pgdump4j.api;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An archive's header and table of contents, as {@code pg_restore -l} prints them, as values.
 *
 * @param format        {@link Format#CUSTOM}, {@link Format#DIRECTORY} or {@link Format#TAR}
 * @param dbname        the dumped database
 * @param createdAt     when the dump started (the header's wall-clock time, in this JVM's zone)
 * @param compression   {@code none}, {@code gzip}, {@code lz4} or {@code zstd}
 * @param archiveVersion the archive format version, e.g. {@code 1.16-0}
 * @param serverVersion the dumped server's version, null in old archives
 * @param dumpVersion   the dumping program's version, null in old archives
 * @param entries       every entry, in archive order
 */
public record ArchiveListing(Format format, String dbname, ZonedDateTime createdAt, String compression,
        String archiveVersion, @Nullable String serverVersion, @Nullable String dumpVersion, List<TocItem> entries) {
    public ArchiveListing {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(dbname, "dbname");
        Objects.requireNonNull(createdAt, "createdAt");
        entries = List.copyOf(entries);
    }
}
