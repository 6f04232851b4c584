package org.pgdump4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.pgdump4j.cli.OptionBinder.Declared;

/**
 * Parses a {@link PgTool}'s arguments as the real program does and runs it: {@code --help}/{@code -?} and
 * {@code --version}/{@code -V} count only as the first argument (everything after them is ignored); otherwise
 * {@link Getopt} splits the command line with the program's table, an option getopt accepts but the program's loop
 * does not handle ({@code pg_dump -X}) fails with only the hint, and the tool's {@link PgTool#options} binds the rest.
 */
final class ToolRunner {
    private ToolRunner() {
    }

    /** Parses, then runs; every failure is printed by {@link ErrorPrinter}. Returns the exit code. */
    static int run(PgTool tool, List<String> args, CliContext context, PrintWriter out, PrintWriter err) {
        ErrorPrinter errors = new ErrorPrinter(context);
        try {
            parse(tool, args);
        } catch (GetoptException e) {
            return errors.usage(tool.programName(), e, err);
        }
        try {
            return tool.run(out, err);
        } catch (Exception e) {
            return errors.failure(tool.programName(), e, err, tool.debug());
        }
    }

    /**
     * Fills {@code tool}'s fields from {@code args}.
     *
     * @throws GetoptException with glibc's message, or for a hint-only option
     */
    static void parse(PgTool tool, List<String> args) {
        List<Declared> declared = OptionBinder.declarations(tool);
        OptionBinder.bind(tool, declared, split(tool.getoptTable(), declared, args));
    }

    private static Getopt.Result split(GetoptTable table, List<Declared> declared, List<String> args) {
        if (!args.isEmpty()) {
            for (Declared d : declared) {
                if (d.kind() == OptionBinder.Kind.FIRST_ARGUMENT && d.names().contains(args.get(0))) {
                    return new Getopt.Result(List.of(new Getopt.Occurrence(d.primary(), null)), List.of());
                }
            }
        }
        Getopt.Result result = Getopt.parse(getoptTable(table, declared), args);
        for (Getopt.Occurrence occurrence : result.options()) {
            if (table.hintOnly().contains(occurrence.name())) {
                throw GetoptException.hintOnly(occurrence.name());
            }
        }
        return result;
    }

    /**
     * The {@link Getopt.Table} for a tool: the long names in the C program's order from {@code table}, their
     * identity (the option they name) and whether they take an argument from the declarations.
     */
    static Getopt.Table getoptTable(GetoptTable table, List<Declared> declared) {
        List<Getopt.LongOption> longOptions = new ArrayList<>(table.longOptions().size());
        for (String name : table.longOptions()) {
            String dashed = "--" + name;
            if (table.hintOnly().contains(dashed)) {
                longOptions.add(new Getopt.LongOption(name, false, dashed));
            } else {
                Declared option = find(declared, dashed);
                longOptions.add(new Getopt.LongOption(name, option.kind().takesArgument(), option.primary()));
            }
        }
        return new Getopt.Table(table.optstring(), longOptions);
    }

    /** The declared option named {@code name}; a getopt table naming an undeclared option is a bug. */
    static Declared find(List<Declared> declared, String name) {
        for (Declared d : declared) {
            if (d.names().contains(name)) {
                return d;
            }
        }
        throw new IllegalStateException("the getopt table names " + name + ", which the command does not declare");
    }
}
