package org.pgdump4j.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Making written files durable, as pg_dump's fsync_fname / sync_dir_recurse do. A failure is a
 * {@link FileSystemException} naming the file and giving the system's reason; the caller words the message.
 */
public final class Fsync {
    private Fsync() {
    }

    /** fsync(2) of a file by name (opened for writing: some systems refuse to fsync a read-only descriptor). */
    public static void file(Path file) throws IOException {
        force(file, StandardOpenOption.WRITE);
    }

    /** fsync(2) of a directory, which makes the names created or renamed in it durable (read-only open). */
    public static void directory(Path dir) throws IOException {
        force(dir, StandardOpenOption.READ);
    }

    private static void force(Path p, StandardOpenOption mode) throws IOException {
        try (FileChannel ch = FileChannel.open(p, mode)) {
            ch.force(true);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new FileSystemException(p.toString(), null, IoErrors.reason(e));
        }
    }

    /** Every regular file under {@code root}, then every directory, deepest first, {@code root} last. */
    public static void tree(Path root) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isDirectory(p)) {
                    dirs.add(p);
                } else if (Files.isRegularFile(p)) {
                    file(p);
                }
            }
        }
        dirs.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path d : dirs) {
            directory(d);
        }
    }

    /**
     * syncfs(2) of the file system holding {@code dir}. The JDK has no call for it, so coreutils' {@code sync
     * --file-system} (8.24+, on every Linux) makes it: one short process, against one fsync per file.
     */
    public static void fileSystem(Path dir) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder("sync", "--file-system", dir.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new FileSystemException(dir.toString(), null, "cannot run sync (coreutils): " + IoErrors.reason(e));
        }
        try {
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                // "sync: error syncing '/x': Input/output error": keep the system's reason
                int colon = err.lastIndexOf(": ");
                throw new FileSystemException(dir.toString(), null,
                        colon >= 0 ? err.substring(colon + 2) : "sync exited with status " + p.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new FileSystemException(dir.toString(), null, "interrupted while syncing");
        }
    }
}
