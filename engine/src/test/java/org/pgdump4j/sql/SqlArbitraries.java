package org.pgdump4j.sql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import org.pgdump4j.sql.Keywords.Keyword;

/** Generators of awkward names and values, shared by {@link SqlProperties} and the server tests. */
final class SqlArbitraries {

    /** Pieces that stress quoting: quotes, backslashes, dollars, case, digits, non-ASCII, a non-BMP emoji. */
    private static final List<String> PIECES = List.of(
            "a", "z", "_", "x", "A", "Z", "0", "9", "\"", "\"\"", "'", "\\", "$", "$$", "$_", ".", " ", "-", "*", "?",
            "(", ")", "[", "]", "|", "+", "^", "{", "}", "é", "ß", "Ä", "ı", "İ", "日本", "\uD83D\uDE00", "\t", "\n",
            "E'", "U&", "%", "/*", "--", ";");

    private SqlArbitraries() {
    }

    /** Any non-empty name PostgreSQL can store: keywords (any case), plain identifiers, and mixtures of {@link #PIECES}. */
    static Arbitrary<String> names() {
        List<String> keywords = Keywords.all().stream().map(Keyword::word).toList();
        Arbitrary<String> keyword = Arbitraries.of(keywords);
        Arbitrary<String> upperKeyword = keyword.map(k -> k.toUpperCase(Locale.ROOT));
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcxyz_019").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> mixed = Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(10)
                .map(l -> String.join("", l));
        Arbitrary<String> unicode = Arbitraries.strings()
                .withCharRange('\u0001', '\uD7FF').withCharRange('\uE000', '\uFFFD')
                .ofMinLength(1).ofMaxLength(8);
        return Arbitraries.frequencyOf(
                Tuple.of(3, keyword),
                Tuple.of(1, upperKeyword),
                Tuple.of(3, plain),
                Tuple.of(4, mixed),
                Tuple.of(2, unicode));
    }

    /** Text values for literals, including the empty string. */
    static Arbitrary<String> values() {
        return Arbitraries.oneOf(names(), Arbitraries.just(""));
    }

    /**
     * {@code n} names like {@link #names()} (same mix of keywords, plain identifiers, {@link #PIECES} and BMP text),
     * from a fixed seed so a failure reproduces. Plain Java: jqwik generators only run on jqwik's own threads, and the
     * server tests are JUnit tests that batch many values into few round trips.
     */
    static List<String> sampleNames(int n, long seed, int maxUtf8Bytes) {
        Random random = new Random(seed);
        List<Keyword> keywords = Keywords.all();
        List<String> out = new ArrayList<>(n);
        while (out.size() < n) {
            String s;
            int kind = random.nextInt(13);
            if (kind < 3) {
                s = keywords.get(random.nextInt(keywords.size())).word();
            } else if (kind < 4) {
                s = keywords.get(random.nextInt(keywords.size())).word().toUpperCase(Locale.ROOT);
            } else if (kind < 7) {
                s = randomChars(random, "abcxyz_019", 1 + random.nextInt(12));
            } else if (kind < 11) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1 + random.nextInt(10); i > 0; i--) {
                    sb.append(PIECES.get(random.nextInt(PIECES.size())));
                }
                s = sb.toString();
            } else {
                StringBuilder sb = new StringBuilder();
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    char ch;
                    do {
                        ch = (char) (1 + random.nextInt(0xFFFD));
                    } while (Character.isSurrogate(ch));
                    sb.append(ch);
                }
                s = sb.toString();
            }
            if (s.getBytes(StandardCharsets.UTF_8).length <= maxUtf8Bytes) {
                out.add(s);
            }
        }
        return out;
    }

    private static String randomChars(Random random, String chars, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    /** {@code "..."} with {@code "} doubled: a pattern matching exactly {@code name}. */
    static String quotedPattern(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
