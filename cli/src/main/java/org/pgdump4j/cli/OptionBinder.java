package org.pgdump4j.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A command's options, declared and bound in one method ({@link PgTool#options}): each of its lines names an option
 * ({@code "-f --file"}: the short name, the long name, then any aliases), says what the option's occurrences give
 * (a flag, a count, the last value, every value) and assigns that to the command's field:
 * {@code file = o.string("-f --file");}.
 *
 * <p>The method runs twice: first on a {@link #declaring() declaring} binder, which records the options and answers
 * every question with the default (so the getopt table can be built from them), then on the binder of a split
 * command line ({@link #bind}), which answers from the options given. No reflection and no lambdas: start-up of every
 * run pays for this, and both passes are a few microseconds.
 */
final class OptionBinder {
    /** What an option's occurrences give its field. */
    enum Kind {
        /** true when given. */
        FLAG(false),
        /** how many times given ({@code -v -v}). */
        COUNT(false),
        /** the position of its last occurrence among all the options given, -1 when not given. */
        LAST(false),
        /** its last value; null when not given. */
        STRING(true),
        /** every value, in order. */
        LIST(true),
        /** true when it is the first argument ({@code --help}, {@code --version}); anywhere else it is no option. */
        FIRST_ARGUMENT(false);

        private final boolean takesArgument;

        Kind(boolean takesArgument) {
            this.takesArgument = takesArgument;
        }

        boolean takesArgument() {
            return takesArgument;
        }
    }

    /**
     * One declared option.
     *
     * @param spec  the names as written in the declaration ({@code "-f --file"})
     * @param names {@code "-f"}, {@code "--file"}: the short name (if any), then the long names, the first long one
     *              being the option's {@link #primary() primary name}
     */
    record Declared(String spec, List<String> names, Kind kind) {
        Declared {
            Objects.requireNonNull(spec, "spec");
            names = List.copyOf(names);
            Objects.requireNonNull(kind, "kind");
        }

        /** The name an option is known by in messages and the support tables: its first long name. */
        String primary() {
            for (String name : names) {
                if (name.startsWith("--")) {
                    return name;
                }
            }
            return names.get(0);
        }
    }

    private final List<Declared> declared;
    private final @Nullable Map<String, List<Getopt.Occurrence>> given;
    private final List<String> givenOrder;
    private final List<String> operands;
    private final Map<String, Integer> lastPosition;
    private int cursor;

    private OptionBinder(List<Declared> declared, @Nullable Map<String, List<Getopt.Occurrence>> given,
            List<String> givenOrder, List<String> operands, Map<String, Integer> lastPosition) {
        this.declared = declared;
        this.given = given;
        this.givenOrder = givenOrder;
        this.operands = operands;
        this.lastPosition = lastPosition;
    }

    /** A binder that records the declarations; every answer is the default. */
    static OptionBinder declaring() {
        return new OptionBinder(new ArrayList<>(), null, List.of(), List.of(), Map.of());
    }

    /** The options {@code tool} declares. */
    static List<Declared> declarations(PgTool tool) {
        OptionBinder binder = declaring();
        tool.options(binder);
        return List.copyOf(binder.declared);
    }

    /**
     * Runs {@code tool}'s options method on what {@code result} holds, so its fields get their values.
     *
     * @param declared what {@link #declarations} returned for the same tool class
     */
    static void bind(PgTool tool, List<Declared> declared, Getopt.Result result) {
        Map<String, String> primaryOf = new HashMap<>();
        for (Declared d : declared) {
            for (String name : d.names()) {
                primaryOf.put(name, d.primary());
            }
        }
        Map<String, List<Getopt.Occurrence>> byPrimary = new HashMap<>();
        Map<String, Integer> last = new HashMap<>();
        List<String> order = new ArrayList<>();
        int position = 0;
        for (Getopt.Occurrence occurrence : result.options()) {
            String primary = primaryOf.get(occurrence.name());
            if (primary == null) {
                throw new IllegalStateException(tool.programName() + " declares no option " + occurrence.name());
            }
            List<Getopt.Occurrence> occurrences = byPrimary.get(primary);
            if (occurrences == null) {
                occurrences = new ArrayList<>(1);
                byPrimary.put(primary, occurrences);
            }
            occurrences.add(occurrence);
            last.put(primary, position++);
            order.add(primary);
        }
        OptionBinder binder = new OptionBinder(declared, byPrimary, order, result.operands(), last);
        tool.options(binder);
        if (binder.cursor != declared.size()) {
            throw new IllegalStateException(tool.programName() + " declared its options differently the second time");
        }
    }

    /** A flag: true when given. */
    boolean flag(String names) {
        return !occurrences(names, Kind.FLAG).isEmpty();
    }

    /** How many times given ({@code -v -v} is 2). */
    int count(String names) {
        return occurrences(names, Kind.COUNT).size();
    }

    /** The position of the option's last occurrence among all the options given; -1 when not given. */
    int last(String names) {
        Declared d = next(names, Kind.LAST);
        Integer position = lastPosition.get(d.primary());
        return position == null ? -1 : position;
    }

    /** The last value given (as with getopt, the last {@code -f} wins); null when not given. */
    @Nullable String string(String names) {
        List<Getopt.Occurrence> all = occurrences(names, Kind.STRING);
        return all.isEmpty() ? null : all.get(all.size() - 1).value();
    }

    /** Every value given, in order; a new list the command may add to. */
    List<String> list(String names) {
        List<Getopt.Occurrence> all = occurrences(names, Kind.LIST);
        List<String> values = new ArrayList<>(all.size());
        for (Getopt.Occurrence occurrence : all) {
            values.add(Objects.requireNonNull(occurrence.value(), "value"));
        }
        return values;
    }

    /** {@code --help} and {@code --version}: true when the first argument (then nothing else is parsed). */
    boolean firstArgument(String names) {
        return !occurrences(names, Kind.FIRST_ARGUMENT).isEmpty();
    }

    /** The operands (non-options) in command-line order. */
    List<String> operands() {
        return new ArrayList<>(operands);
    }

    /** The primary names of the options given, in command-line order (an option given twice is listed twice). */
    List<String> given() {
        return List.copyOf(givenOrder);
    }

    private List<Getopt.Occurrence> occurrences(String names, Kind kind) {
        Declared d = next(names, kind);
        if (given == null) {
            return List.of();
        }
        return given.getOrDefault(d.primary(), List.of());
    }

    /** Declares (first pass) or finds (second pass: the same calls in the same order) the option {@code names}. */
    private Declared next(String names, Kind kind) {
        if (given == null) {
            Declared d = new Declared(names, List.of(names.split(" ")), kind);
            declared.add(d);
            return d;
        }
        if (cursor >= declared.size() || !declared.get(cursor).spec().equals(names)
                || declared.get(cursor).kind() != kind) {
            throw new IllegalStateException("option " + names + " was not declared in this place");
        }
        return declared.get(cursor++);
    }
}
