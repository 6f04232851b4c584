package org.pgdump4j.model;

/**
 * {@code String.format("%0<width>d", v)} for the sort's tie-break keys, without a Formatter per call: they are made
 * for every function, collation and column, and the first Formatter of a run loads the JDK's locale data.
 */
public final class ZeroPadded {
    private ZeroPadded() {
    }

    public static String of(long v, int width) {
        if (v < 0) {
            return "-" + of(-v, width - 1);
        }
        String digits = Long.toString(v);
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }
}
