package org.pgdump4j.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The hidden sibling an output file is written to before it is renamed into place, so that a failed run never
 * leaves a file that looks complete. It is created as pg_dump creates its output (mode 0666 less the umask), so the
 * renamed file has the permissions the user expects, not a temporary file's 0600. The name needs no secrecy:
 * creating it with O_EXCL refuses an existing file or symlink.
 */
public final class PartialFiles {
    private PartialFiles() {
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
                return p;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 99) {
                    throw e;
                }
            }
        }
    }
}
