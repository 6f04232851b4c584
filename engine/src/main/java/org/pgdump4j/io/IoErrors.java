package org.pgdump4j.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * strerror()-like reasons for I/O failures, for messages in the real programs' words. The reason never carries a
 * file name: messages name the path the user gave, never a temporary name the failure may have been about.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** {@code No such file or directory}, {@code Permission denied}..., else the exception's own message. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : "I/O error";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
