package org.pgdump4j.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.io.FileOutput;
import org.pgdump4j.io.IoErrors;
import org.pgdump4j.io.KeptOpen;
import org.pgdump4j.io.Sync;

/**
 * Where pg_restore's {@code -f} output goes: standard output for {@code -} (or no {@code -f}), else a
 * {@link FileOutput}: a file appears only when the command succeeds, fsynced (pg_restore 18 does not sync its
 * output, and has no {@code --no-sync}; our rename into place needs the fsync for a crash to leave either the old
 * file or the whole new one); a device or FIFO ({@code -f /dev/null}) is written in place.
 */
final class OutputFile implements AutoCloseable {
    private final OutputStream out;
    private final @Nullable FileOutput file;

    private OutputFile(OutputStream out, @Nullable FileOutput file) {
        this.out = worded(out);
        this.file = file;
    }

    /** A failed write says so in pg_restore's words ({@code could not write to output file: No space left...}). */
    private static OutputStream worded(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                } catch (IOException e) {
                    throw failed(e);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw failed(e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw failed(e);
                }
            }
        };
    }

    private static IOException failed(IOException e) {
        return new IOException("could not write to output file: " + IoErrors.reason(e), e);
    }

    /**
     * Opens {@code file} ({@code -} or null: {@code stdout}, which is flushed but never closed).
     *
     * @throws PgDumpException {@code could not open output file "x": ...}
     */
    static OutputFile open(@Nullable String file, OutputStream stdout) {
        if (file == null || file.equals("-")) {
            return new OutputFile(KeptOpen.of(new BufferedOutputStream(stdout, 1 << 16)), null);
        }
        FileOutput output = FileOutput.open(Path.of(file), Sync.FSYNC, "could not open output file \"%s\"");
        return new OutputFile(new BufferedOutputStream(output.stream(), 1 << 16), output);
    }

    OutputStream stream() {
        return out;
    }

    /** Flushes and, for a file, syncs it and moves it into place. */
    void commit() throws IOException {
        out.flush();
        if (file != null) {
            file.commit();
        }
        out.close();
    }

    /** Closes; without {@link #commit()} a temporary file is deleted. */
    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            if (file != null) {
                file.close();
            }
        }
    }
}
