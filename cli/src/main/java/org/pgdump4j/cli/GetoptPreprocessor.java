package org.pgdump4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Runs a {@link PgTool}'s arguments through {@link Getopt} before picocli sees them, and hands picocli a
 * canonical form: each option by its longest name with an attached value ({@code --file=out.sql}), then
 * {@link #END_OF_OPTIONS} and the operands. So picocli never has to guess, and what is accepted or rejected, and how,
 * is what the real program does.
 *
 * <p>Like the C programs, {@code --help}/{@code -?} and {@code --version}/{@code -V} count only as the first
 * argument; everything after them is ignored.
 */
public final class GetoptPreprocessor implements IParameterPreprocessor {
    /**
     * What separates options from operands in the canonical form: no real argument can contain a NUL
     * character, so a value or an operand {@code --} stays what it is.
     */
    static final String END_OF_OPTIONS = "\0--";
    static final String HELP = "--help";
    static final String VERSION = "--version";

    @Override
    public boolean preprocess(Stack<String> args, CommandSpec spec, ArgSpec argSpec, Map<String, Object> info) {
        if (!(spec.userObject() instanceof PgTool tool)) {
            return false;
        }
        List<String> given = new ArrayList<>();
        while (!args.isEmpty()) {
            given.add(args.pop());
        }
        List<String> canonical = canonicalize(tool.getoptTable(), spec, given);
        for (int i = canonical.size() - 1; i >= 0; i--) {
            args.push(canonical.get(i));
        }
        return false;
    }

    private static List<String> canonicalize(GetoptTable table, CommandSpec spec, List<String> given) {
        if (!given.isEmpty()) {
            String first = given.get(0);
            if (first.equals(HELP) || first.equals("-?")) {
                return List.of(HELP);
            }
            if (first.equals(VERSION) || first.equals("-V")) {
                return List.of(VERSION);
            }
        }
        Getopt.Result result;
        try {
            result = Getopt.parse(getoptTable(table, spec), given);
        } catch (GetoptException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        List<String> canonical = new ArrayList<>();
        for (Getopt.Occurrence occurrence : result.options()) {
            if (table.hintOnly().contains(occurrence.name())) {
                GetoptException e = GetoptException.hintOnly(occurrence.name());
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            OptionSpec option = option(spec, occurrence.name());
            canonical.add(occurrence.value() == null
                    ? option.longestName()
                    : option.longestName() + "=" + occurrence.value());
        }
        canonical.add(END_OF_OPTIONS);
        canonical.addAll(result.operands());
        return canonical;
    }

    /** The {@link Getopt.Table} for a tool: identities and argument-ness come from its picocli options. */
    static Getopt.Table getoptTable(GetoptTable table, CommandSpec spec) {
        List<Getopt.LongOption> longOptions = new ArrayList<>();
        for (String name : table.longOptions()) {
            String dashed = "--" + name;
            if (table.hintOnly().contains(dashed)) {
                longOptions.add(new Getopt.LongOption(name, false, dashed));
            } else {
                OptionSpec option = option(spec, dashed);
                longOptions.add(new Getopt.LongOption(name, takesArgument(option), option.longestName()));
            }
        }
        return new Getopt.Table(table.optstring(), longOptions);
    }

    static boolean takesArgument(OptionSpec option) {
        return option.arity().max() > 0;
    }

    private static OptionSpec option(CommandSpec spec, String name) {
        OptionSpec option = spec.findOption(name);
        if (option == null) {
            throw new IllegalStateException("getopt table of " + spec.name() + " names " + name
                    + ", which the command does not declare");
        }
        return option;
    }
}
