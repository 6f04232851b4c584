package org.pgdump4j.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import org.pgdump4j.io.IoErrors;

/** strerror()-like reasons for I/O failures, for messages in the real programs' words. */
final class IoMessages {
    private IoMessages() {
    }

    /** {@code No such file or directory}, {@code Permission denied}..., else the exception's own message. */
    static String reason(IOException e) {
        return IoErrors.reason(e);
    }

    /** A whole message for an I/O failure with no better context: the file (if known) and the reason. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return "could not access file \"" + f.getFile() + "\": " + reason(e);
        }
        return reason(e);
    }
}
