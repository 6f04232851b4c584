package org.pgdump4j.format.plain.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits the arguments of a psql meta-command the way psql does ({@code psqlscanslash.l}): arguments are separated
 * by whitespace; {@code '...'} quotes with {@code ''} and psql's backslash escapes ({@code \n}, {@code \t},
 * {@code \b}, {@code \r}, {@code \f}, octal {@code \digits}, {@code \xHH}, any other character as itself);
 * {@code "..."} is kept with its quotes, unless {@code identifier} asks for psql's SQL-identifier treatment
 * (quotes removed, {@code ""} becomes {@code "}, letters not folded: {@code OT_SQLIDHACK}, used by {@code \connect});
 * an unquoted {@code \\} ends the arguments.
 *
 * <p>Not supported, and reported as errors: backquoted shell commands. psql variables ({@code :name}) are not
 * interpolated: the text stays as written (pgdump4j keeps no psql variables that could be substituted there).
 */
final class MetaArguments {

    /** One argument; {@code quoted} when any part of it was in quotes (a quoted {@code "-"} is not "default"). */
    record Arg(String value, boolean quoted) {
        Arg {
            Objects.requireNonNull(value, "value");
        }

        /** psql's read_connect_arg: an unquoted empty value or {@code -} means "keep the current one". */
        boolean isDefault() {
            return !quoted && (value.isEmpty() || value.equals("-"));
        }
    }

    /** A malformed argument list. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private MetaArguments() {
    }

    static List<Arg> parse(String text, boolean identifier) throws MalformedException {
        List<Arg> args = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.startsWith("\\\\", i)) {
                return List.copyOf(args);
            }
            StringBuilder value = new StringBuilder();
            boolean quoted = false;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i);
                if (c == '\'') {
                    quoted = true;
                    i = singleQuoted(text, i + 1, value);
                } else if (c == '"') {
                    quoted = true;
                    i = doubleQuoted(text, i, value);
                } else if (c == '`') {
                    throw new MalformedException("backquoted shell commands are not supported");
                } else if (c == '\\' && text.startsWith("\\\\", i)) {
                    break;
                } else {
                    value.append(c);
                    i++;
                }
            }
            String arg = identifier ? identifier(value) : value.toString();
            args.add(new Arg(arg, quoted));
        }
    }

    /** From after the opening quote; returns the index after the closing one. */
    private static int singleQuoted(String text, int i, StringBuilder out) throws MalformedException {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < n && text.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                i = escape(text, i + 1, out);
                continue;
            }
            out.append(c);
            i++;
        }
        throw new MalformedException("unterminated quoted string");
    }

    private static int escape(String text, int i, StringBuilder out) {
        char c = text.charAt(i);
        switch (c) {
            case 'n':
                out.append('\n');
                return i + 1;
            case 't':
                out.append('\t');
                return i + 1;
            case 'b':
                out.append('\b');
                return i + 1;
            case 'r':
                out.append('\r');
                return i + 1;
            case 'f':
                out.append('\f');
                return i + 1;
            case 'x': {
                int end = i + 1;
                while (end < text.length() && end < i + 3 && Character.digit(text.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end == i + 1) {
                    out.append('x');
                    return i + 1;
                }
                out.append((char) Integer.parseInt(text.substring(i + 1, end), 16));
                return end;
            }
            default:
                if (c >= '0' && c <= '7') {
                    int end = i;
                    while (end < text.length() && end < i + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                        end++;
                    }
                    out.append((char) (Integer.parseInt(text.substring(i, end), 8) & 0xff));
                    return end;
                }
                out.append(c);
                return i + 1;
        }
    }

    /** Copies "..." with its quotes (psql keeps them for later processing); returns the index after it. */
    private static int doubleQuoted(String text, int i, StringBuilder out) throws MalformedException {
        int n = text.length();
        out.append('"');
        i++;
        while (i < n) {
            char c = text.charAt(i);
            out.append(c);
            i++;
            if (c == '"') {
                if (i < n && text.charAt(i) == '"') {
                    out.append('"');
                    i++;
                    continue;
                }
                return i;
            }
        }
        throw new MalformedException("unterminated quoted identifier");
    }

    /** psql's OT_SQLIDHACK: remove double quotes, keep the first of a doubled one, do not fold case. */
    private static String identifier(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean inQuotes = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                if (inQuotes && i + 1 < raw.length() && raw.charAt(i + 1) == '"') {
                    out.append('"');
                    i++;
                } else {
                    inQuotes = !inQuotes;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
