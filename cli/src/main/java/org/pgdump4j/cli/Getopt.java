package org.pgdump4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Command-line splitting as glibc's {@code getopt_long} does it for pg_dump, pg_restore and pg_dumpall, so
 * that what they accept, and the text of what they reject, is the same: short options and clusters
 * ({@code -Fc}, {@code -Z9}, {@code -vvv}), {@code --long=value} and {@code --long value}, unambiguous
 * abbreviations of long options ({@code --schema-o}), operands anywhere (argument permutation), and
 * {@code --} to end the options.
 *
 * <p>Pure: no I/O. {@link ToolRunner} binds the result to a command's fields.
 */
final class Getopt {
    private Getopt() {
    }

    /**
     * One row of a C program's {@code struct option} array.
     *
     * @param identity rows with the same identity are the same option (glibc compares {@code has_arg},
     *                 {@code flag} and {@code val}); an abbreviation matching only such rows is not ambiguous
     */
    record LongOption(String name, boolean hasArg, String identity) {
        LongOption {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(identity, "identity");
        }
    }

    /**
     * What {@code getopt_long} is given.
     *
     * @param optstring   the short options, a {@code :} after a letter meaning it takes an argument
     * @param longOptions the long options in the C program's table order (it decides the order of the
     *                    "possibilities" printed for an ambiguous abbreviation)
     */
    record Table(String optstring, List<LongOption> longOptions) {
        Table {
            Objects.requireNonNull(optstring, "optstring");
            longOptions = List.copyOf(longOptions);
        }

        boolean hasShort(char c) {
            return c != ':' && optstring.indexOf(c) >= 0;
        }

        boolean shortTakesArgument(char c) {
            int i = optstring.indexOf(c);
            return i >= 0 && i + 1 < optstring.length() && optstring.charAt(i + 1) == ':';
        }
    }

    /**
     * One option found on the command line.
     *
     * @param name  {@code "-c"} for a short option, {@code "--name"} (the full table name) for a long one
     * @param value its argument; null when it takes none
     */
    record Occurrence(String name, @Nullable String value) {
    }

    /** The options in command-line order, and the operands (non-options) in command-line order. */
    record Result(List<Occurrence> options, List<String> operands) {
        Result {
            options = List.copyOf(options);
            operands = List.copyOf(operands);
        }
    }

    /**
     * Splits {@code args} as {@code getopt_long} would, stopping at the first error as the pg_dump
     * programs do.
     *
     * @throws GetoptException with glibc's message (without the program-name prefix)
     */
    static Result parse(Table table, List<String> args) {
        List<Occurrence> options = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (arg.startsWith("--")) {
                i = parseLong(table, args, i, options);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                i = parseShortCluster(table, args, i, options);
            } else {
                operands.add(arg);
            }
            i++;
        }
        return new Result(options, operands);
    }

    /** Returns the index of the last argument consumed. */
    private static int parseLong(Table table, List<String> args, int index, List<Occurrence> out) {
        String arg = args.get(index);
        String body = arg.substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        LongOption found = exactMatch(table, name);
        if (found == null) {
            found = uniqueAbbreviation(table, name, arg);
        }
        if (found.hasArg()) {
            if (eq >= 0) {
                out.add(new Occurrence("--" + found.name(), body.substring(eq + 1)));
                return index;
            }
            if (index + 1 < args.size()) {
                out.add(new Occurrence("--" + found.name(), args.get(index + 1)));
                return index + 1;
            }
            throw GetoptException.of("option '--" + found.name() + "' requires an argument");
        }
        if (eq >= 0) {
            throw GetoptException.of("option '--" + found.name() + "' doesn't allow an argument");
        }
        out.add(new Occurrence("--" + found.name(), null));
        return index;
    }

    private static @Nullable LongOption exactMatch(Table table, String name) {
        for (LongOption option : table.longOptions()) {
            if (option.name().equals(name)) {
                return option;
            }
        }
        return null;
    }

    /** glibc's rule: the first prefix match wins unless a later one is a different option. */
    private static LongOption uniqueAbbreviation(Table table, String name, String arg) {
        LongOption first = null;
        List<LongOption> ambiguous = new ArrayList<>();
        for (LongOption option : table.longOptions()) {
            if (!option.name().startsWith(name)) {
                continue;
            }
            if (first == null) {
                first = option;
            } else if (!first.identity().equals(option.identity()) || first.hasArg() != option.hasArg()) {
                if (ambiguous.isEmpty()) {
                    ambiguous.add(first);
                }
                ambiguous.add(option);
            }
        }
        if (first == null) {
            throw GetoptException.of("unrecognized option '" + arg + "'");
        }
        if (!ambiguous.isEmpty()) {
            StringBuilder sb = new StringBuilder("option '").append(arg).append("' is ambiguous; possibilities:");
            for (LongOption option : ambiguous) {
                sb.append(" '--").append(option.name()).append('\'');
            }
            throw GetoptException.of(sb.toString());
        }
        return first;
    }

    /** Returns the index of the last argument consumed. */
    private static int parseShortCluster(Table table, List<String> args, int index, List<Occurrence> out) {
        String arg = args.get(index);
        for (int j = 1; j < arg.length(); j++) {
            char c = arg.charAt(j);
            if (!table.hasShort(c)) {
                throw GetoptException.of("invalid option -- '" + c + "'");
            }
            if (!table.shortTakesArgument(c)) {
                out.add(new Occurrence("-" + c, null));
                continue;
            }
            if (j + 1 < arg.length()) {
                out.add(new Occurrence("-" + c, arg.substring(j + 1)));
                return index;
            }
            if (index + 1 < args.size()) {
                out.add(new Occurrence("-" + c, args.get(index + 1)));
                return index + 1;
            }
            throw GetoptException.of("option requires an argument -- '" + c + "'");
        }
        return index;
    }
}
