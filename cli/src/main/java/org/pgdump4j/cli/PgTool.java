package org.pgdump4j.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A subcommand that stands in for one of PostgreSQL's programs (pg_dump, pg_restore, pg_dumpall): its
 * messages are prefixed with that program's name, and it parses its options as that program does
 * ({@link ToolRunner}).
 */
interface PgTool {
    /** The real program's name, the prefix of every message: {@code "pg_dump"}. */
    String programName();

    /** The real program's getopt table. */
    GetoptTable getoptTable();

    /**
     * Declares the options and assigns their values to the fields: {@code file = o.string("-f --file");}. Runs
     * twice, the same calls in the same order (see {@link OptionBinder}).
     */
    void options(OptionBinder o);

    /** Runs the command once {@link #options} has bound the command line; returns the exit code. */
    int run(PrintWriter out, PrintWriter err) throws Exception;

    /** True when the user asked for stack traces ({@code -v -v}). */
    default boolean debug() {
        return false;
    }

    /**
     * Prints {@code --help} (with the options {@code supported} marks as not implemented starred) or
     * {@code --version} when asked; returns the exit code then, null otherwise.
     */
    static @Nullable Integer helpOrVersion(String program, @Nullable Map<String, SupportedOptions.Status> supported,
            PrintWriter out, boolean help, boolean version) {
        if (help) {
            out.print(ToolText.help(program, supported));
        } else if (version) {
            out.println(ToolText.versionLine(program));
        } else {
            return null;
        }
        out.flush();
        return ExitCodes.OK;
    }
}
