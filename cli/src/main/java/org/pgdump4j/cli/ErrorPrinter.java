package org.pgdump4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.UsageException;
/**
 * Prints every failure the way the real programs do: one line on stderr, {@code pg_dump: error: ...},
 * plus {@code pg_dump: hint: Try "pg_dump --help" for more information.} for command-line mistakes. A
 * stack trace follows only when asked for ({@code PGDUMP4J_DEBUG=1}, or {@code -v -v}).
 */
final class ErrorPrinter {
    private final CliContext context;

    ErrorPrinter(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** A command line getopt (or the program's option loop) rejects: glibc's message, then the hint. */
    int usage(String program, GetoptException ex, PrintWriter err) {
        if (!ex.hintOnly()) {
            err.println(program + ": " + ex.getMessage());
        }
        printHint(err, program);
        printTrace(ex, false, err);
        err.flush();
        return ExitCodes.ERROR;
    }

    /** {@code pgdump4j nosuch}: a word that names no command where a command is expected. */
    int unrecognizedCommand(String program, String word, PrintWriter err) {
        err.println(program + ": error: unrecognized command \"" + word + "\"");
        printHint(err, program);
        err.flush();
        return ExitCodes.ERROR;
    }

    /**
     * A command that failed: {@code program: error: message}, the hint for a command-line mistake found after
     * getopt ({@link UsageHintException}), and the stack trace when asked for.
     *
     * @param debug the command's own request for traces ({@code -v -v})
     */
    int failure(String program, Exception ex, PrintWriter err, boolean debug) {
        if (Termination.inProgress()) {
            return ExitCodes.ERROR; // "terminated by user" is the message; the failure is its consequence
        }
        printError(err, program, message(ex));
        if (ex instanceof UsageHintException) {
            printHint(err, program);
        }
        printTrace(ex, debug, err);
        err.flush();
        return ExitCodes.ERROR;
    }

    /**
     * Our own exceptions carry a user-facing message, and an I/O failure says which file and why; anything else is
     * a bug and shows its type.
     */
    static String message(Throwable ex) {
        if (ex instanceof ArchiveFormatException || ex instanceof UsageException) {
            // one line, whatever names (a TOC tag, a file name) the message quotes: as pg_restore's sanitize_line
            return Objects.requireNonNullElse(ex.getMessage(), ex.toString()).replace('\n', ' ').replace('\r', ' ');
        }
        if (ex instanceof PgDumpException && ex.getMessage() != null) {
            return ex.getMessage();
        }
        if (ex instanceof UncheckedIOException u && u.getCause() != null) {
            return message(u.getCause());
        }
        if (ex instanceof IOException io) {
            return IoMessages.describe(io);
        }
        return ex.toString();
    }

    /**
     * {@code program: error: message}; a later line that starts with {@code detail: } or {@code hint: } gets the
     * program's prefix too, as pg_dump prints its follow-up lines ({@code Query was: ...}); other lines go as they are.
     */
    static void printError(PrintWriter err, String program, String message) {
        // -1: a message's trailing blank lines are kept (pg_restore's "Command was:" ends with the entry's own)
        String[] lines = message.split("\n", -1);
        StringBuilder text = new StringBuilder(program).append(": error: ").append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            boolean followUp = lines[i].startsWith("detail: ") || lines[i].startsWith("hint: ");
            text.append('\n').append(followUp ? program + ": " : "").append(lines[i]);
        }
        err.println(text);
    }

    static void printHint(PrintWriter err, String program) {
        err.println(program + ": hint: Try \"" + program + " --help\" for more information.");
    }

    private void printTrace(Exception ex, boolean debug, PrintWriter err) {
        if (debug || context.debugEnv()) {
            ex.printStackTrace(err);
        }
    }
}
