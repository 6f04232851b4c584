package org.pgdump4j.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What an output path ({@code -f}) names once symbolic links are followed, and so how it is written.
 *
 * <p>A symbolic link is followed to its end (as open(2) follows it) and the rule applies to what it names: a
 * regular file or a new name is {@link Kind#REPLACED} (written under a temporary name next to the final file, then
 * renamed over it; the link stays and points at the new file); anything else that exists (a character or block
 * device, a FIFO, a socket) is {@link Kind#WRITTEN_THROUGH}, never replaced: {@code /dev/null} stays a device, a
 * FIFO's reader gets the bytes. A name in a {@code /proc} folder ({@code /dev/stdout}, {@code /dev/fd/N}) is an
 * already open descriptor of this process: written through too, wherever the shell pointed it (a rename would put
 * a new file in place of the one the shell holds open); like pg_dump's open, that truncates a regular file there.
 *
 * @param file the file to write (links resolved), absolute
 */
public record OutputPath(Path file, Kind kind) {
    /** Symbolic links followed at most, as Linux's MAXSYMLINKS. */
    private static final int MAX_LINKS = 40;

    public enum Kind { REPLACED, WRITTEN_THROUGH }

    /**
     * Follows {@code given}'s links and checks it can be written.
     *
     * @throws IOException what open(2) would fail with: {@code No such file or directory} (a missing folder),
     *                     {@code Is a directory}, {@code Permission denied}, {@code Not a directory}, a link loop
     */
    public static OutputPath resolve(Path given) throws IOException {
        Path p = given.toAbsolutePath();
        for (int links = 0; ; ) {
            Path parent = p.getParent();
            if (parent == null) {
                throw new FileSystemException(given.toString(), null, "Is a directory");
            }
            Path realParent = parent.toRealPath();
            if (realParent.startsWith("/proc")) {
                return new OutputPath(p, Kind.WRITTEN_THROUGH);
            }
            p = realParent.resolve(p.getFileName());
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return new OutputPath(p, Kind.REPLACED);
            }
            if (a.isSymbolicLink()) {
                if (++links > MAX_LINKS) {
                    throw new FileSystemException(given.toString(), null, "Too many levels of symbolic links");
                }
                p = realParent.resolve(Files.readSymbolicLink(p));
                continue;
            }
            if (a.isDirectory()) {
                throw new FileSystemException(given.toString(), null, "Is a directory");
            }
            if (!a.isRegularFile()) {
                return new OutputPath(p, Kind.WRITTEN_THROUGH);
            }
            if (!Files.isWritable(p)) {
                throw new AccessDeniedException(given.toString()); // replacing it would bypass its permissions
            }
            return new OutputPath(p, Kind.REPLACED);
        }
    }
}
