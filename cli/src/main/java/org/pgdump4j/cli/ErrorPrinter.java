package org.pgdump4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints every failure the way the real programs do: one line on stderr, {@code pg_dump: error: ...},
 * plus {@code pg_dump: hint: Try "pg_dump --help" for more information.} for command-line mistakes. A
 * stack trace follows only when asked for ({@code PGDUMP4J_DEBUG=1}, or {@code -v -v}).
 */
final class ErrorPrinter implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private final CliContext context;

    ErrorPrinter(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String program = programName(cmd);
        PrintWriter err = cmd.getErr();
        if (ex.getCause() instanceof GetoptException getopt) {
            if (!getopt.hintOnly()) {
                err.println(program + ": " + getopt.getMessage());
            }
        } else if (ex instanceof UnmatchedArgumentException unmatched && !(cmd.getCommand() instanceof PgTool)
                && !unmatched.getUnmatched().isEmpty()) {
            err.println(program + ": error: unrecognized command \"" + unmatched.getUnmatched().get(0) + "\"");
        } else {
            err.println(program + ": error: " + ex.getMessage());
        }
        printHint(err, program);
        printTrace(ex, cmd, err);
        err.flush();
        return exitCode(cmd, ex);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (Termination.inProgress()) {
            return ExitCodes.ERROR; // "terminated by user" is the message; the failure is its consequence
        }
        String program = programName(cmd);
        PrintWriter err = cmd.getErr();
        printError(err, program, message(ex));
        if (ex instanceof UsageHintException) {
            printHint(err, program);
        }
        printTrace(ex, cmd, err);
        err.flush();
        return exitCode(cmd, ex);
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

    private void printTrace(Exception ex, CommandLine cmd, PrintWriter err) {
        boolean debug = context.debugEnv() || (cmd.getCommand() instanceof PgTool tool && tool.debug());
        if (debug) {
            ex.printStackTrace(err);
        }
    }

    private static int exitCode(CommandLine cmd, Exception ex) {
        CommandLine.IExitCodeExceptionMapper mapper = cmd.getExitCodeExceptionMapper();
        return mapper != null ? mapper.getExitCode(ex) : ExitCodes.ERROR;
    }

    static String programName(CommandLine cmd) {
        if (cmd.getCommand() instanceof PgTool tool) {
            return tool.programName();
        }
        return cmd.getCommandName();
    }
}
