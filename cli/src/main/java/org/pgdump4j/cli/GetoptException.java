package org.pgdump4j.cli;

import org.pgdump4j.UsageException;

/**
 * A command line that {@code getopt_long} (or the program's option loop) rejects. pg_dump prints such a
 * message without the {@code error:} tag ({@code pg_dump: unrecognized option '--foo'}), always followed by
 * the {@code Try "pg_dump --help"} hint; for an option getopt accepts but the program does not handle
 * ({@code pg_dump -X}, or {@code --help} when it is not the first argument) only the hint is printed.
 */
final class GetoptException extends UsageException {
    private final boolean hintOnly;

    private GetoptException(String message, boolean hintOnly) {
        super(message);
        this.hintOnly = hintOnly;
    }

    /** glibc's complaint, e.g. {@code unrecognized option '--foo'}, without the program name. */
    static GetoptException of(String message) {
        return new GetoptException(message, false);
    }

    /** An option the program accepts from getopt but rejects with nothing but the hint. */
    static GetoptException hintOnly(String option) {
        return new GetoptException("option " + option + " is accepted by getopt but not handled here", true);
    }

    /** True when only the hint line is printed. */
    boolean hintOnly() {
        return hintOnly;
    }
}
