package org.pgdump4j.cli;

import picocli.CommandLine.IExitCodeExceptionMapper;

/**
 * The exit codes of pg_dump, pg_restore and pg_dumpall, which scripts rely on: 0 for success, 1 for any
 * failure (bad options, connection, server, archive, or, for pg_restore, errors ignored during the
 * restore). The one place where an exception becomes an exit code.
 */
final class ExitCodes implements IExitCodeExceptionMapper {
    static final int OK = 0;
    static final int ERROR = 1;

    @Override
    public int getExitCode(Throwable exception) {
        return ERROR;
    }
}
