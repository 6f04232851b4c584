package org.pgdump4j.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.Version;

/**
 * {@code pgdump4j}: the launcher's entry point. {@code pgdump4j dump|restore|dumpall ARGS} take the
 * arguments of pg_dump, pg_restore and pg_dumpall; {@code pgdump4j demo} runs the demo. The only class
 * that calls {@link System#exit}.
 *
 * <p>Before the command, {@code -?}/{@code --help} and {@code -V}/{@code --version} (also clustered, {@code -?V}) may be
 * given; they count only when no command follows.
 */
public final class Main {
    static final String NAME = "pgdump4j";

    private static final String USAGE = """
            pgdump4j runs pg_dump, pg_restore and pg_dumpall in pure Java.

            Usage:
              pgdump4j dump [OPTION]... [DBNAME]   dump a database, with pg_dump's options
              pgdump4j restore [OPTION]... [FILE]  restore a database, with pg_restore's options
              pgdump4j dumpall [OPTION]...         dump a cluster, with pg_dumpall's options
              pgdump4j demo                        dump and restore a sample database
                                                   on an embedded PostgreSQL

            Try "pgdump4j dump --help" (or restore, dumpall) for their options.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (args.length > 0 && args[0].equals("dump")) {
            Termination.install(DumpCommand.PROGRAM, err);
        }
        int exitCode = execute(CliContext.system(), out, err, args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** Runs one command line and returns its exit code; what {@link #main} does, minus the exit. */
    static int execute(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        boolean help = false;
        boolean version = false;
        int i = 0;
        for (; i < args.length && isOwnOption(args[i]); i++) {
            help |= args[i].equals("--help") || args[i].indexOf('?') > 0;
            version |= args[i].equals("--version") || args[i].indexOf('V') > 0;
        }
        if (i == args.length) {
            return ownAction(help, version, out, err);
        }
        List<String> rest = Arrays.asList(args).subList(i + 1, args.length);
        PgTool tool = tool(args[i], context);
        if (tool != null) {
            return ToolRunner.run(tool, rest, context, out, err);
        }
        ErrorPrinter errors = new ErrorPrinter(context);
        if (!args[i].equals(DemoCommand.NAME)) {
            return errors.unrecognizedCommand(NAME, args[i], err);
        }
        if (!rest.isEmpty()) {
            return errors.unrecognizedCommand(DemoCommand.NAME, rest.get(0), err);
        }
        try {
            return DemoCommand.run(out);
        } catch (Exception e) {
            return errors.failure(DemoCommand.NAME, e, err, false);
        }
    }

    /**
     * The command {@code name} names, built for this run only, or null. Package-private for tests, which parse
     * without running ({@link ToolRunner#parse}).
     */
    static @Nullable PgTool tool(String name, CliContext context) {
        return switch (name) {
            case "dump" -> new DumpCommand(context);
            case "restore" -> new RestoreCommand(context);
            case "dumpall" -> new DumpallCommand(context);
            default -> null;
        };
    }

    /** {@code --help}, {@code --version}, {@code -?}, {@code -V}, or a cluster of the last two. */
    private static boolean isOwnOption(String arg) {
        if (arg.equals("--help") || arg.equals("--version")) {
            return true;
        }
        if (arg.length() < 2 || arg.charAt(0) != '-') {
            return false;
        }
        for (int j = 1; j < arg.length(); j++) {
            if (arg.charAt(j) != '?' && arg.charAt(j) != 'V') {
                return false;
            }
        }
        return true;
    }

    private static int ownAction(boolean help, boolean version, PrintWriter out, PrintWriter err) {
        if (version) {
            out.println(NAME + " " + Version.pgdump4j());
            out.flush();
            return ExitCodes.OK;
        }
        if (help) {
            out.print(USAGE);
            out.flush();
            return ExitCodes.OK;
        }
        err.println(NAME + ": error: no command given");
        ErrorPrinter.printHint(err, NAME);
        err.flush();
        return ExitCodes.ERROR;
    }
}
