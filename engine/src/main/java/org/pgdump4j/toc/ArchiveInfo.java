package org.pgdump4j.toc;

import java.time.ZonedDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Header facts of a dump: what the {@code -- Dumped from/by} lines and an archive header record.
 *
 * @param serverVersion the source server's version string, null when unknown
 * @param dumpVersion   the dumping tool's version string, null when unknown
 * @param createdAt     the creation time: its wall clock is what the header stores
 * @param createdIsDst  the header's {@code tm_isdst} with it (1, 0, negative for unknown): pg_restore's mktime reads
 *                      the wall clock with it, in its own zone ({@link Timestamps#created})
 */
public record ArchiveInfo(
        String dbname,
        @Nullable String serverVersion,
        @Nullable String dumpVersion,
        ZonedDateTime createdAt,
        int createdIsDst) {
    public ArchiveInfo {
        Objects.requireNonNull(dbname, "dbname");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Created at {@code createdAt}, with the DST flag localtime gives there (what pg_dump stores). */
    public ArchiveInfo(String dbname, @Nullable String serverVersion, @Nullable String dumpVersion,
            ZonedDateTime createdAt) {
        this(dbname, serverVersion, dumpVersion, createdAt,
                TzData.isDst(createdAt.getZone(), createdAt.toInstant()));
    }
}
