package org.pgdump4j.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one rule for version-gated fixture lines: {@code --@ NN+ sql} runs only on servers of major NN or newer. */
public final class MajorGate {
    private static final Pattern GATE = Pattern.compile("(?m)^--@ (\\d+)\\+ (.*)$");

    private MajorGate() {
    }

    /** {@code sql} for {@code major}: gated lines opened where the server has them, emptied where it does not. */
    public static String forMajor(String sql, int major) {
        Matcher m = GATE.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length());
        while (m.find()) {
            boolean kept = major >= Integer.parseInt(m.group(1));
            m.appendReplacement(out, kept ? Matcher.quoteReplacement(m.group(2)) : "");
        }
        return m.appendTail(out).toString();
    }
}
