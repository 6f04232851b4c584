package org.pgdump4j.dump.inserts;

/**
 * One value of a row in an INSERT statement, from its text {@code COPY} field, as pg_dump writes it: numbers bare
 * unless they are not numbers the SQL scanner reads ({@code 'NaN'}, {@code 'Infinity'}), bit strings as
 * {@code B'...'}, booleans as {@code true}/{@code false}, everything else a string literal. The kind comes from the
 * column's type as the server reports it for a query, a domain's base type.
 */
public final class ValueText {
    /** How a column's values are written. */
    public enum Kind { NUMBER, BITS, BOOL, STRING }

    private static final long BOOL = 16;
    private static final long INT8 = 20;
    private static final long INT2 = 21;
    private static final long INT4 = 23;
    private static final long OID = 26;
    private static final long FLOAT4 = 700;
    private static final long FLOAT8 = 701;
    private static final long BIT = 1560;
    private static final long VARBIT = 1562;
    private static final long NUMERIC = 1700;

    private ValueText() {
    }

    /** The kind of a column whose (base) type is {@code typeOid}. */
    public static Kind kind(long typeOid) {
        if (typeOid == INT2 || typeOid == INT4 || typeOid == INT8 || typeOid == OID || typeOid == FLOAT4
                || typeOid == FLOAT8 || typeOid == NUMERIC) {
            return Kind.NUMBER;
        }
        if (typeOid == BIT || typeOid == VARBIT) {
            return Kind.BITS;
        }
        return typeOid == BOOL ? Kind.BOOL : Kind.STRING;
    }

    /** Whether {@code field} (COPY text) is the null marker {@code \N}. */
    static boolean isNull(byte[] b, int from, int to) {
        return to - from == 2 && b[from] == '\\' && b[from + 1] == 'N';
    }

    /**
     * Appends the value of the COPY text field {@code b[from, to)} (escapes undone) as SQL text.
     *
     * @param standardStrings standard_conforming_strings of the dump: off doubles backslashes in string literals
     */
    public static void append(Kind kind, byte[] b, int from, int to, TextBuffer out, boolean standardStrings) {
        if (isNull(b, from, to)) {
            out.ascii("NULL");
            return;
        }
        switch (kind) {
            case NUMBER -> {
                boolean plain = true;
                for (int i = from; i < to && plain; i++) {
                    plain = numberChar(b[i]);
                }
                if (plain) {
                    out.append(b, from, to - from);
                } else {
                    out.add((byte) '\'');
                    unescape(b, from, to, out, false, true);
                    out.add((byte) '\'');
                }
            }
            case BITS -> {
                out.ascii("B'");
                unescape(b, from, to, out, false, true);
                out.add((byte) '\'');
            }
            case BOOL -> out.ascii(to - from == 1 && b[from] == 't' ? "true" : "false");
            case STRING -> {
                out.add((byte) '\'');
                unescape(b, from, to, out, true, standardStrings);
                out.add((byte) '\'');
            }
        }
    }

    /** strspn(s, "0123456789 +-eE."): what pg_dump leaves unquoted. */
    private static boolean numberChar(byte c) {
        return c >= '0' && c <= '9' || c == ' ' || c == '+' || c == '-' || c == 'e' || c == 'E' || c == '.';
    }

    /**
     * COPY's text escapes undone; with {@code quote}, a quote doubled (and a backslash too when strings are not
     * standard), as appendStringLiteral does.
     */
    private static void unescape(byte[] b, int from, int to, TextBuffer out, boolean quote, boolean standardStrings) {
        int i = from;
        while (i < to) {
            int run = i;
            while (run < to && b[run] != '\\' && b[run] != '\'') {
                run++;
            }
            if (run > i) { // most of a value: copied as it is
                out.append(b, i, run - i);
                i = run;
                continue;
            }
            byte c = b[i++];
            if (c == '\\' && i < to) {
                byte d = b[i++];
                switch (d) {
                    case 'b' -> c = 8;
                    case 'f' -> c = 12;
                    case 'n' -> c = '\n';
                    case 'r' -> c = '\r';
                    case 't' -> c = '\t';
                    case 'v' -> c = 11;
                    case 'x' -> {
                        int v = 0;
                        int n = 0;
                        while (n < 2 && i < to && Character.digit(b[i], 16) >= 0) {
                            v = v * 16 + Character.digit(b[i++], 16);
                            n++;
                        }
                        c = n == 0 ? (byte) 'x' : (byte) v;
                    }
                    default -> {
                        if (d >= '0' && d <= '7') {
                            int v = d - '0';
                            for (int n = 1; n < 3 && i < to && b[i] >= '0' && b[i] <= '7'; n++) {
                                v = v * 8 + (b[i++] - '0');
                            }
                            c = (byte) v;
                        } else {
                            c = d;
                        }
                    }
                }
            }
            if (quote && (c == '\'' || c == '\\' && !standardStrings)) {
                out.add(c);
            }
            out.add(c);
        }
    }
}
