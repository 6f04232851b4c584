package org.pgdump4j;

/** Thrown when an archive is corrupt, truncated or of an unsupported version. */
public class ArchiveFormatException extends PgDumpException {
    public ArchiveFormatException(String message) {
        super(message);
    }

    public ArchiveFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
