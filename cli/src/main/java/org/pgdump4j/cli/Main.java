package org.pgdump4j.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pgdump4j}: the launcher's entry point. {@code pgdump4j dump|restore|dumpall ARGS} take the
 * arguments of pg_dump, pg_restore and pg_dumpall; {@code pgdump4j demo} runs the demo. The only class
 * that calls {@link System#exit}.
 */
@Command(name = "pgdump4j")
public final class Main implements Callable<Integer> {
    private static final List<Class<?>> SUBCOMMANDS =
            List.of(DumpCommand.class, RestoreCommand.class, DumpallCommand.class, DemoCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = {"-?", "--help"}, description = "show this help, then exit")
    boolean help;

    @Option(names = {"-V", "--version"}, description = "output version information, then exit")
    boolean version;

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
        return commandLine(context, out, err, args.length > 0 ? args[0] : null).execute(args);
    }

    /** The configured picocli command tree, writing to {@code out} and {@code err}. */
    static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        return commandLine(context, out, err, null);
    }

    /**
     * The command tree with only the subcommand {@code first} names, when it names one: building a
     * subcommand's model costs picocli tens of milliseconds of start-up, so a run builds only its own.
     */
    private static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err,
            @Nullable String first) {
        ErrorPrinter errors = new ErrorPrinter(context);
        Factory factory = new Factory(context);
        // no ${...} in our annotations: interpolating every option's strings is start-up time for nothing
        CommandLine root = new CommandLine(new Main(), factory).setInterpolateVariables(false);
        boolean named = SUBCOMMANDS.stream().anyMatch(t -> name(t).equals(first));
        for (Class<?> type : SUBCOMMANDS) {
            if (!named || name(type).equals(first)) {
                root.addSubcommand(new CommandLine(factory.make(type), factory).setInterpolateVariables(false));
            }
        }
        return root
                .setOut(out)
                .setErr(err)
                .setExpandAtFiles(false)           // "@name" is a database or file name, not an argument file
                .setOverwrittenOptionsAllowed(true) // as with getopt, the last -f wins
                .setAllowOptionsAsOptionParameters(true) // -t -s: a table named "-s", as with getopt
                .setAllowSubcommandsAsOptionParameters(true)
                .setEndOfOptionsDelimiter(GetoptPreprocessor.END_OF_OPTIONS) // so "--" can be a value
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .setExitCodeExceptionMapper(new ExitCodes());
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (version) {
            out.println("pgdump4j " + Version.pgdump4j());
            out.flush();
            return ExitCodes.OK;
        }
        String usage = """
                pgdump4j runs pg_dump, pg_restore and pg_dumpall in pure Java.

                Usage:
                  pgdump4j dump [OPTION]... [DBNAME]   dump a database, with pg_dump's options
                  pgdump4j restore [OPTION]... [FILE]  restore a database, with pg_restore's options
                  pgdump4j dumpall [OPTION]...         dump a cluster, with pg_dumpall's options
                  pgdump4j demo                        dump and restore a sample database
                                                       on an embedded PostgreSQL

                Try "pgdump4j dump --help" (or restore, dumpall) for their options.
                """;
        if (help) {
            out.print(usage);
            out.flush();
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("pgdump4j: error: no command given");
        ErrorPrinter.printHint(err, "pgdump4j");
        err.flush();
        return ExitCodes.ERROR;
    }

    /** Builds the subcommands with the {@link CliContext} they need. */
    private static final class Factory implements IFactory {
        private final CliContext context;
        private final IFactory fallback = CommandLine.defaultFactory();

        Factory(CliContext context) {
            this.context = Objects.requireNonNull(context, "context");
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == DumpCommand.class) {
                return type.cast(new DumpCommand(context));
            }
            if (type == RestoreCommand.class) {
                return type.cast(new RestoreCommand(context));
            }
            if (type == DumpallCommand.class) {
                return type.cast(new DumpallCommand(context));
            }
            if (type == DemoCommand.class) {
                return type.cast(new DemoCommand());
            }
            return fallback.create(type);
        }

        Object make(Class<?> type) {
            try {
                return create(type);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create command " + type.getName(), e);
            }
        }
    }
}
