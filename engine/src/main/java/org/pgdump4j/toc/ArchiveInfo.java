package org.pgdump4j.toc;

import java.time.ZonedDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Header facts of a dump: what the {@code -- Dumped from/by} lines and an archive header record.
 *
 * @param serverVersion the source server's version string, null when unknown
 * @param dumpVersion   the dumping tool's version string, null when unknown
 */
public record ArchiveInfo(
        String dbname,
        @Nullable String serverVersion,
        @Nullable String dumpVersion,
        ZonedDateTime createdAt) {
    public ArchiveInfo {
        Objects.requireNonNull(dbname, "dbname");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
