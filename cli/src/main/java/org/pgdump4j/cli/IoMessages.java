package org.pgdump4j.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import org.pgdump4j.io.IoErrors;

/** Whole messages for I/O failures that reach the CLI with no better context (reasons: {@link IoErrors}). */
final class IoMessages {
    private IoMessages() {
    }

    /** A whole message for an I/O failure with no better context: the file (if known) and the reason. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return "could not access file \"" + f.getFile() + "\": " + IoErrors.reason(e);
        }
        return IoErrors.reason(e);
    }
}
