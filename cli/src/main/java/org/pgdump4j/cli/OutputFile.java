package org.pgdump4j.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.io.KeptOpen;
import org.pgdump4j.io.PartialFiles;

/**
 * Where pg_restore's {@code -f} output goes: standard output for {@code -} (or no {@code -f}), else a file that
 * appears only when the command succeeds (written to a temporary sibling, renamed by {@link #commit()}; a failed
 * run leaves no file). Devices and pipes ({@code -f /dev/null}) are written directly.
 */
final class OutputFile implements AutoCloseable {
    private final OutputStream out;
    private final @Nullable Path target;
    private @Nullable Path temporary;

    private OutputFile(OutputStream out, @Nullable Path target, @Nullable Path temporary) {
        this.out = out;
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * Opens {@code file} ({@code -} or null: {@code stdout}, which is flushed but never closed).
     *
     * @throws PgDumpException {@code could not open output file "x": ...}
     */
    static OutputFile open(@Nullable String file, OutputStream stdout) {
        if (file == null || file.equals("-")) {
            return new OutputFile(KeptOpen.of(new BufferedOutputStream(stdout, 1 << 16)), null, null);
        }
        Path path = Path.of(file);
        try {
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                return new OutputFile(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), null, null);
            }
            Path tmp = PartialFiles.create(path, ".partial");
            return new OutputFile(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), path, tmp);
        } catch (IOException e) {
            throw new PgDumpException("could not open output file \"" + file + "\": " + IoMessages.reason(e), e);
        }
    }

    OutputStream stream() {
        return out;
    }

    /** Flushes and, for a file, moves it into place. */
    void commit() throws IOException {
        out.close();
        if (temporary != null && target != null) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        }
    }

    /** Closes; without {@link #commit()} a temporary file is deleted. */
    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
                temporary = null;
            }
        }
    }
}
