package org.pgdump4j.io;

import java.util.Locale;
import org.pgdump4j.UsageException;

/**
 * How a finished output reaches the disk before the run reports success: pg_dump's {@code --sync-method} and
 * {@code --no-sync}. As in pg_dump, {@link #SYNCFS} changes only how a directory archive is synced; a single file
 * is always fsynced. Output to a device, a FIFO or standard output is never synced.
 */
public enum Sync {
    /** fsync every file written, the folder holding them, and the folder a file was renamed in (the default). */
    FSYNC,
    /** One syncfs(2) for the file system of a directory archive instead of an fsync per file. */
    SYNCFS,
    /** {@code --no-sync}: the operating system writes the data back when it likes. */
    NONE;

    /**
     * {@code --sync-method} as pg_dump 18 reads it ({@code fsync} or {@code syncfs}, case-sensitive).
     *
     * @throws UsageException {@code unrecognized sync method: x}
     */
    public static Sync method(String name) {
        return switch (name) {
            case "fsync" -> FSYNC;
            case "syncfs" -> SYNCFS;
            default -> throw new UsageException("unrecognized sync method: " + name);
        };
    }

    public boolean enabled() {
        return this != NONE;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
