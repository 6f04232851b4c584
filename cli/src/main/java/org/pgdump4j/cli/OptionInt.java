package org.pgdump4j.cli;

import org.pgdump4j.UsageException;

/** fe_utils' option_parse_int: an integer option value as strtol reads it, checked against a range. */
final class OptionInt {
    private OptionInt() {
    }

    /**
     * Leading white space, a sign and decimal digits, then only white space.
     *
     * @throws UsageException {@code invalid value "x" for option -j/--jobs}, or
     *                        {@code -j/--jobs must be in range 1..2147483647}
     */
    static int parse(String value, String option, int min, int max) {
        int i = 0;
        int n = value.length();
        while (i < n && isSpace(value.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        // no digits: strtol reads nothing and leaves its end at the start of the string
        int end = i == digits ? 0 : i;
        while (end < n && isSpace(value.charAt(end))) {
            end++;
        }
        if (end < n) {
            throw new UsageException("invalid value \"" + value + "\" for option " + option);
        }
        long v;
        if (i == digits) {
            v = 0;
        } else {
            try {
                v = Long.parseLong(value.substring(start, i));
            } catch (NumberFormatException tooLong) {
                v = Long.MAX_VALUE; // ERANGE
            }
        }
        if (v < min || v > max) {
            throw new UsageException(option + " must be in range " + min + ".." + max);
        }
        return (int) v;
    }

    /** C's isspace in the C locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
