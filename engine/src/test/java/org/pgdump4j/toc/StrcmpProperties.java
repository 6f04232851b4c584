package org.pgdump4j.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The sort's name comparison without encoding agrees with strcmp over the UTF-8 bytes, as pg_dump compares. */
class StrcmpProperties {

    /** Names sharing prefixes, mixing ASCII, Latin-1, BMP chars on both sides of the surrogates, and emoji. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> piece = Arbitraries.of("a", "b", "t1", "_", "é", "\u00ff", "\u0100", "\uD7FF", "\uE000",
                "\uFFFD", "\uFF21", "😀", "😁", "\uD800\uDC00", "\uDBFF\uDFFF");
        return piece.list().ofMaxSize(6).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void sameSignAsStrcmpOverUtf8(@ForAll("names") String a, @ForAll("names") String b) {
        int bytes = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        assertEquals(Integer.signum(bytes), Integer.signum(DumpSorter.strcmp(a, b)), a + " vs " + b);
    }

    @Property(tries = 1000)
    void commonPrefixThenDifference(@ForAll("names") String prefix, @ForAll("names") String a,
            @ForAll("names") String b) {
        sameSignAsStrcmpOverUtf8(prefix + a, prefix + b);
    }
}
