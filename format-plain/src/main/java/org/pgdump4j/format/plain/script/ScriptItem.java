package org.pgdump4j.format.plain.script;

import java.util.Objects;

/**
 * One unit of a plain SQL script, as {@link ScriptSplitter} hands it out: an SQL statement, a psql meta-command, or
 * a piece of a COPY data block. Line numbers are 1-based lines of the script.
 */
public sealed interface ScriptItem {

    /** The line the item starts on. */
    long line();

    /**
     * An SQL statement, without its terminating semicolon. Comments inside it are kept (psql sends them too);
     * whitespace and {@code --} comments before it, and whitespace after it, are not part of it.
     *
     * @param sql the statement text as written in the script
     * @param line the line of its first character
     * @param copyFromStdin true for {@code COPY ... FROM stdin}: {@link CopyLine}s and a {@link CopyEnd} follow
     */
    record SqlStatement(String sql, long line, boolean copyFromStdin) implements ScriptItem {
        public SqlStatement {
            Objects.requireNonNull(sql, "sql");
        }
    }

    /**
     * A psql meta-command: a backslash outside quotes and comments, up to the end of the line. It may occur in the
     * middle of a statement; like psql, the splitter then hands it out first and keeps collecting the statement.
     *
     * @param name the command without the backslash, e.g. {@code connect}, {@code c}, {@code restrict}, {@code !}
     * @param arguments the rest of the line after the name and the whitespace following it, unparsed
     * @param line the line of the backslash
     */
    record MetaCommand(String name, String arguments, long line) implements ScriptItem {
        public MetaCommand {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arguments, "arguments");
        }

        /** The command as written, for messages: {@code \connect db}. */
        public String text() {
            return arguments.isEmpty() ? "\\" + name : "\\" + name + " " + arguments;
        }
    }

    /**
     * One line of COPY data, exactly as in the script, with its line terminator ({@code \n} or {@code \r\n}; none
     * only for a last line cut off by the end of the script). A line longer than the splitter's piece size comes as
     * several items with the same line number, only the last with the terminator: no row is held whole.
     */
    record CopyLine(String text, long line) implements ScriptItem {
        public CopyLine {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The end of a COPY data block.
     *
     * @param line the line of the terminator {@code \.}, or the line after the last one at end of script
     * @param terminated false when the script ended before a {@code \.} line (psql accepts that too)
     */
    record CopyEnd(long line, boolean terminated) implements ScriptItem {
    }
}
