package org.pgdump4j.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** strerror()-like reasons for I/O failures, for messages in the real programs' words. */
final class IoMessages {
    private IoMessages() {
    }

    /** {@code No such file or directory}, {@code Permission denied}..., else the exception's own message. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A whole message for an I/O failure with no better context: the file (if known) and the reason. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return "could not access file \"" + f.getFile() + "\": " + reason(e);
        }
        return reason(e);
    }
}
