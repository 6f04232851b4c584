package org.pgdump4j.dump;

import java.util.Locale;
import org.pgdump4j.UsageException;

/** pg_dump's {@code -F} values. */
public enum OutputFormat {
    PLAIN("p", "plain"),
    CUSTOM("c", "custom"),
    DIRECTORY("d", "directory"),
    TAR("t", "tar");

    private final String letter;
    private final String word;

    OutputFormat(String letter, String word) {
        this.letter = letter;
        this.word = word;
    }

    /** Parses {@code -F} as pg_dump does: the letter or the whole word, case-insensitive. */
    public static OutputFormat parse(String s) {
        String v = s.toLowerCase(Locale.ROOT);
        for (OutputFormat f : values()) {
            if (f.letter.equals(v) || f.word.equals(v)) {
                return f;
            }
        }
        throw new UsageException("invalid output format \"" + s + "\" specified");
    }

    public String word() {
        return word;
    }
}
