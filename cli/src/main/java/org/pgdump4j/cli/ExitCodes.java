package org.pgdump4j.cli;

/**
 * The exit codes of pg_dump, pg_restore and pg_dumpall, which scripts rely on: 0 for success, 1 for any
 * failure (bad options, connection, server, archive, or, for pg_restore, errors ignored during the
 * restore). Every exception a command ends with becomes {@link #ERROR} ({@link ErrorPrinter}).
 */
final class ExitCodes {
    static final int OK = 0;
    static final int ERROR = 1;

    private ExitCodes() {
    }
}
