package org.pgdump4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.Version;

/** The fixed texts: {@code --help} (the real program's, from resources) and {@code --version}. */
final class ToolText {
    /** The long option an option line of the help describes: {@code "  -j, --jobs=NUM ..."} gives --jobs. */
    private static final Pattern OPTION_LINE = Pattern.compile("^  (?:-[^-], )?(--[a-z0-9-]+)");
    /** A deprecated spelling's line names the option it stands for: {@code "(same as --large-objects, ...)"}. */
    private static final Pattern SAME_AS = Pattern.compile("\\(same as (--[a-z0-9-]+)");

    static final String NOT_YET_NOTE = "\nOptions marked * are not supported by pgdump4j yet: they are refused (exit 1),"
            + "\nnever ignored.\n";

    private ToolText() {
    }

    /**
     * The help of {@code program} ({@code "pg_dump"}...), modelled on the real program's, with the options
     * {@code supported} marks {@code NOT_YET} starred ({@code "* -j, --jobs=NUM"}) and a note saying what that means;
     * {@code supported} null: none of the program is implemented yet, and the help ends saying so.
     */
    static String help(String program, @Nullable Map<String, SupportedOptions.Status> supported) {
        String text = resource(program + "-help.txt");
        if (supported == null) {
            return text + "\n" + program + " is not supported by pgdump4j yet: every command line but --help and"
                    + "\n--version fails (exit 1).\n";
        }
        StringBuilder out = new StringBuilder(text.length() + 256);
        boolean marked = false;
        for (String line : text.split("\n", -1)) {
            Matcher m = OPTION_LINE.matcher(line);
            Matcher alias = SAME_AS.matcher(line);
            String name = !m.find() ? null : alias.find() ? alias.group(1) : m.group(1);
            if (name != null && supported.get(name) == SupportedOptions.Status.NOT_YET) {
                out.append("* ").append(line, 2, line.length());
                marked = true;
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1); // the split's last piece is the text after the final newline
        return marked ? out.append(NOT_YET_NOTE).toString() : out.toString();
    }

    /** {@code pg_dump (PostgreSQL) 18.6 (pgdump4j 0.1.0)}. */
    static String versionLine(String program) {
        return Version.versionLine(program);
    }

    private static String resource(String name) {
        try (InputStream in = ToolText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
