package org.pgdump4j.cli;

import java.io.PrintWriter;
import java.util.Objects;
import org.pgdump4j.PgDumpException;
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
        String program = programName(cmd);
        PrintWriter err = cmd.getErr();
        err.println(program + ": error: " + message(ex));
        if (ex instanceof UsageHintException) {
            printHint(err, program);
        }
        printTrace(ex, cmd, err);
        err.flush();
        return exitCode(cmd, ex);
    }

    /** Our own exceptions carry a user-facing message; anything else is a bug and shows its type. */
    private static String message(Exception ex) {
        if (ex instanceof PgDumpException && ex.getMessage() != null) {
            return ex.getMessage();
        }
        return ex.toString();
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
