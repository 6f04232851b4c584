package org.pgdump4j.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The hidden sibling an output file is written to before it is renamed into place, so that a failed run never
 * leaves a file that looks complete. It is created as pg_dump creates its output (mode 0666 less the umask), so the
 * renamed file has the permissions the user expects, not a temporary file's 0600. The name needs no secrecy:
 * creating it with O_EXCL refuses an existing file or symlink. A run ended by SIGTERM or SIGINT removes it on the
 * way out (once renamed, nothing is left at its name to remove).
 */
public final class PartialFiles {
    /** Folders being written; whatever is still here when the JVM shuts down is deleted. */
    private static final Set<Path> FOLDERS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PartialFiles::deleteFolders, "pgdump4j-partial-files"));
    }

    private PartialFiles() {
    }

    /** Deletes {@code folder} and its contents if the JVM shuts down (SIGTERM, SIGINT) before {@link #forget}. */
    public static void deleteOnExit(Path folder) {
        FOLDERS.add(folder);
    }

    /** The folder was published or deleted: nothing to do on exit. */
    public static void forget(Path folder) {
        FOLDERS.remove(folder);
    }

    private static void deleteFolders() {
        for (Path folder : FOLDERS) {
            // the dump's thread may still be adding a file while the walk deletes: a second pass takes it
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    Folders.deleteTree(folder);
                    break;
                } catch (IOException e) {
                    // best effort while the process ends; the name is hidden and cannot pass for an archive
                }
            }
        }
    }

    /** Creates {@code .<name>.<random><suffix>} next to {@code target}, empty. */
    public static Path create(Path target, String suffix) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        String base = "." + (abs.getFileName() == null ? "output" : abs.getFileName()) + ".";
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(base + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + suffix);
            try {
                Files.newByteChannel(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                p.toFile().deleteOnExit();
                return p;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 99) {
                    throw e;
                }
            }
        }
    }
}
