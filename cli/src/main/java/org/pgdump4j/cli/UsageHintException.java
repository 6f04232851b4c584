package org.pgdump4j.cli;

import org.pgdump4j.UsageException;

/**
 * A usage error that pg_dump reports with a second line, {@code hint: Try "pg_dump --help" for more
 * information.}: too many command-line arguments, and (pg_restore) both -d and -f.
 */
final class UsageHintException extends UsageException {
    UsageHintException(String message) {
        super(message);
    }
}
