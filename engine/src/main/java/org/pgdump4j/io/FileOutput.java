package org.pgdump4j.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.PgDumpException;

/**
 * One output file ({@code -f}), opened before anything is read from the server. A regular file or a new name is
 * written to a hidden temporary sibling that {@link #commit} fsyncs, renames into place and makes durable with an
 * fsync of the folder; {@link #close} without commit deletes it, and a run ended by a signal leaves nothing
 * ({@link PartialFiles}). A device or FIFO is written in place and never synced (see {@link OutputPath}).
 *
 * <p>Every failure names the path the user gave, never the temporary one.
 */
public final class FileOutput implements Closeable {
    private final Path given;
    private final Path target;
    private final @Nullable Path temporary;
    private final FileChannel channel;
    private final Sync sync;
    private boolean committed;
    private boolean closed;

    private FileOutput(Path given, Path target, @Nullable Path temporary, FileChannel channel, Sync sync) {
        this.given = given;
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.sync = sync;
    }

    /**
     * Opens {@code path} for writing (a FIFO: waits for its reader, as pg_dump does).
     *
     * @param openError the message's start, {@code %s} standing for the path: {@code could not open output file "%s"}
     * @throws PgDumpException {@code <openError>: <reason>}
     */
    public static FileOutput open(Path path, Sync sync, String openError) {
        Objects.requireNonNull(sync, "sync");
        try {
            OutputPath out = OutputPath.resolve(path);
            if (out.kind() == OutputPath.Kind.WRITTEN_THROUGH) {
                // no CREATE: should the device vanish meanwhile, fail rather than leave a regular file there;
                // O_TRUNC as pg_dump's fopen "w" (a device or FIFO ignores it)
                FileChannel ch = FileChannel.open(out.file(), StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                return new FileOutput(path, out.file(), null, ch, sync);
            }
            Path tmp = PartialFiles.create(out.file(), ".partial");
            try {
                FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                return new FileOutput(path, out.file(), tmp, ch, sync);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        } catch (IOException e) {
            throw new PgDumpException(String.format(openError, path) + ": " + IoErrors.reason(e), e);
        }
    }

    /** True when the output can seek (a file being written under its temporary name); false for a device or FIFO. */
    public boolean seekable() {
        return temporary != null;
    }

    /** The file's channel; {@link #commit} and {@link #close} close it. */
    public FileChannel channel() {
        return channel;
    }

    /** An unbuffered stream over {@link #channel()}; closing it closes the channel. */
    public OutputStream stream() {
        return Channels.newOutputStream(channel);
    }

    /** The folder the file is written in (for spools next to it); null for a device or FIFO. */
    public @Nullable Path folder() {
        return temporary == null ? null : temporary.getParent();
    }

    /**
     * Everything written is complete: fsync, rename into place, fsync the folder (pg_dump's durability; none with
     * {@link Sync#NONE}). A device or FIFO is only closed: pg_dump -Fc's fsync of {@code /dev/null} fails (EINVAL).
     *
     * @throws PgDumpException {@code could not fsync file "x": ...}, {@code could not write to output file: ...}
     */
    public void commit() throws IOException {
        if (committed || closed) {
            throw new IllegalStateException("output already committed or closed");
        }
        if (temporary == null) {
            channel.close();
            committed = true;
            return;
        }
        if (sync.enabled()) {
            try {
                channel.force(true);
            } catch (IOException e) {
                throw fsyncFailed(given, e);
            }
        }
        channel.close();
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PgDumpException("could not rename output file into place \"" + given + "\": "
                    + IoErrors.reason(e), e);
        }
        committed = true;
        if (sync.enabled()) {
            Path folder = Objects.requireNonNull(target.getParent());
            try {
                Fsync.directory(folder);
            } catch (IOException e) {
                throw fsyncFailed(folder, e);
            }
        }
    }

    /** pg_dump's words for a failed fsync. */
    public static PgDumpException fsyncFailed(Path shown, IOException e) {
        return new PgDumpException("could not fsync file \"" + shown + "\": " + IoErrors.reason(e), e);
    }

    /** Closes; without {@link #commit} the temporary file is deleted and nothing appears at the path. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } finally {
            if (!committed && temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
