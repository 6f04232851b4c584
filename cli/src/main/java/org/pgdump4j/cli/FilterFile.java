package org.pgdump4j.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;
import org.pgdump4j.io.IoErrors;

/**
 * A {@code --filter} file as filter.c reads it: one {@code include|exclude TYPE PATTERN} per line (keywords in any
 * case), blank lines and {@code #} comments skipped, a pattern's unquoted spaces folded and its quoted parts kept
 * (they may span lines, with {@code ""}, {@code \n} and {@code \\} escapes). Errors carry filter.c's words and the
 * line number; the programs decide which types each command may name.
 */
final class FilterFile {
    /** The object types, by their keyword, with the name filter.c's messages give them. */
    enum Type {
        TABLE_DATA("table_data", "table data"),
        TABLE_DATA_AND_CHILDREN("table_data_and_children", "table data and children"),
        DATABASE("database", "database"),
        EXTENSION("extension", "extension"),
        FOREIGN_DATA("foreign_data", "foreign data"),
        FUNCTION("function", "function"),
        INDEX("index", "index"),
        SCHEMA("schema", "schema"),
        TABLE("table", "table"),
        TABLE_AND_CHILDREN("table_and_children", "table and children"),
        TRIGGER("trigger", "trigger");

        final String keyword;
        final String label;

        Type(String keyword, String label) {
            this.keyword = keyword;
            this.label = label;
        }
    }

    /** One rule: include or exclude, the type, the pattern as pg_dump's pattern code takes it, and its line. */
    record Item(boolean include, Type type, String pattern, int line) {
    }

    private final BufferedReader in;
    private final String where;
    private int lineNo;

    private FilterFile(BufferedReader in, String where) {
        this.in = in;
        this.where = where;
    }

    /**
     * Reads {@code name} ({@code -} is {@code stdin}).
     *
     * @throws UsageException filter.c's message: the file cannot be opened or read, or a line is malformed
     */
    static void read(String name, InputStream stdin, Consumer<Item> each) {
        boolean fromStdin = name.equals("-");
        String where = where(name);
        if (!fromStdin && Files.isDirectory(Path.of(name))) {
            throw new UsageException("could not read from filter file \"" + name + "\": Is a directory");
        }
        Reader reader;
        try {
            // stdin stays open: the caller's, as filter_free leaves it
            reader = fromStdin ? new InputStreamReader(new FilterInputStream(stdin) {
                @Override
                public void close() {
                }
            }, UTF_8) : Files.newBufferedReader(Path.of(name), UTF_8);
        } catch (IOException e) {
            throw new UsageException("could not open filter file \"" + name + "\": " + IoErrors.reason(e));
        }
        try (BufferedReader in = new BufferedReader(reader)) {
            new FilterFile(in, where).items(each);
        } catch (IOException e) {
            throw new UsageException("could not read from filter file \"" + name + "\": " + IoErrors.reason(e));
        }
    }

    /** Parses text (tests). */
    static List<Item> parse(String text, String where) {
        List<Item> out = new ArrayList<>();
        try {
            new FilterFile(new BufferedReader(new StringReader(text)), where).items(out::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Each rule to {@code each} as soon as it is read: a rule it refuses stops the reading there, as in pg_dump. */
    private void items(Consumer<Item> each) throws IOException {
        String line;
        while ((line = nextLine()) != null) {
            lineNo++;
            int i = skipSpace(line, 0);
            if (i == line.length() || line.charAt(i) == '#') {
                continue;
            }
            int end = word(line, i);
            String command = line.substring(i, end).toLowerCase(Locale.ROOT);
            boolean include;
            if (command.equals("include")) {
                include = true;
            } else if (command.equals("exclude")) {
                include = false;
            } else {
                throw error("invalid filter command (expected \"include\" or \"exclude\")");
            }
            int t = skipSpace(line, end);
            if (t == line.length()) {
                throw error("missing filter object type");
            }
            int tEnd = word(line, t);
            String keyword = line.substring(t, tEnd);
            Type type = null;
            for (Type candidate : Type.values()) {
                if (candidate.keyword.equalsIgnoreCase(keyword)) {
                    type = candidate;
                }
            }
            if (type == null) {
                throw error("unsupported filter object type: \"" + keyword + "\"");
            }
            String pattern = pattern(line, tEnd);
            each.accept(new Item(include, type, pattern, lineNo));
        }
    }

    /** A line with its end-of-line characters, as pg_get_line_buf returns it; null at the end. */
    private @Nullable String nextLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (c == '\n') {
                return sb.toString();
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** filter.c's read_pattern. */
    private String pattern(String line, int from) throws IOException {
        StringBuilder p = new StringBuilder();
        String s = line;
        int i = skipSpace(s, from);
        if (i == s.length()) {
            throw error("missing object name pattern");
        }
        boolean skipSpace = true;
        boolean foundSpace = false;
        while (i < s.length() && s.charAt(i) != '#') {
            while (i < s.length() && !isSpace(s.charAt(i)) && "#,.()\"".indexOf(s.charAt(i)) < 0) {
                if (!skipSpace && foundSpace) {
                    p.append(' ');
                    skipSpace = true;
                }
                p.append(s.charAt(i++));
            }
            skipSpace = false;
            if (i < s.length() && s.charAt(i) == '"') {
                if (foundSpace) {
                    p.append(' ');
                }
                String[] rest = {s};
                i = quoted(rest, i, p);
                s = rest[0];
            } else if (i < s.length() && s.charAt(i) == ',') {
                p.append(", ");
                skipSpace = true;
                i++;
            } else if (i < s.length() && ".()".indexOf(s.charAt(i)) >= 0) {
                p.append(s.charAt(i++));
                skipSpace = true;
            }
            foundSpace = false;
            while (i < s.length() && isSpace(s.charAt(i))) {
                foundSpace = true;
                i++;
            }
        }
        return p.toString();
    }

    /** filter.c's read_quoted_string: from the opening quote; the line may be replaced by the following ones. */
    private int quoted(String[] line, int from, StringBuilder p) throws IOException {
        String s = line[0];
        p.append('"');
        int i = from + 1;
        while (true) {
            if (i < s.length() && (s.charAt(i) == '\r' || s.charAt(i) == '\n')) {
                i++;
                continue;
            }
            if (i >= s.length()) {
                String next = nextLine();
                if (next == null) {
                    throw error("unexpected end of file");
                }
                s = next;
                line[0] = s;
                i = 0;
                p.append('\n');
                lineNo++;
            }
            if (i >= s.length()) {
                continue;
            }
            char c = s.charAt(i);
            if (c == '"') {
                p.append('"');
                i++;
                if (i < s.length() && s.charAt(i) == '"') {
                    p.append('"');
                    i++;
                } else {
                    break;
                }
            } else if (c == '\\') {
                i++;
                if (i < s.length() && s.charAt(i) == 'n') {
                    p.append('\n');
                } else if (i < s.length() && s.charAt(i) == '\\') {
                    p.append('\\');
                }
                i++;
            } else {
                p.append(c);
                i++;
            }
        }
        return i;
    }

    /** pg_log_filter_error's message (its text cut at 255 characters, as its buffer does). */
    UsageException error(String detail) {
        return new UsageException(error(where, lineNo, detail));
    }

    /** A rule the reading program does not filter on, in pg_dump's and pg_restore's words. */
    static UsageException notAllowed(String name, Item item) {
        return rejected(name, item, (item.include() ? "include" : "exclude") + " filter for \""
                + item.type().label + "\" is not allowed");
    }

    /** A rule the reading program refuses, {@code detail} saying why (pg_dumpall: "unsupported filter object"). */
    static UsageException rejected(String name, Item item, String detail) {
        return new UsageException(error(where(name), item.line(), detail));
    }

    private static String where(String name) {
        return name.equals("-") ? "standard input" : "file \"" + name + "\"";
    }

    private static String error(String where, int line, String detail) {
        String d = detail.length() > 255 ? detail.substring(0, 255) : detail;
        return "invalid format in filter read from " + where + " on line " + line + ": " + d;
    }

    private static int word(String s, int i) {
        while (i < s.length() && !isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** C's isspace in the C locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
