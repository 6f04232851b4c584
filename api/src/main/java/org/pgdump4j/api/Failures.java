package org.pgdump4j.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.io.IoErrors;

/** I/O failures made {@link PgDumpException}s, in the words the command-line tools print. */
final class Failures {
    private Failures() {
    }

    /** An I/O failure with no better context: the file (if known) and the reason, as the CLI says it. */
    static PgDumpException of(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return new PgDumpException("could not access file \"" + f.getFile() + "\": " + IoErrors.reason(e), e);
        }
        return new PgDumpException(IoErrors.reason(e), e);
    }

    /** Runs {@code body}, turning the I/O failures that escape it into {@link PgDumpException}s. */
    static <T> T io(IoBody<T> body) {
        try {
            return body.run();
        } catch (IOException e) {
            throw of(e);
        } catch (UncheckedIOException e) {
            throw of(e.getCause());
        }
    }

    interface IoBody<T> {
        T run() throws IOException;
    }
}
