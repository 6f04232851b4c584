package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ConnStringProperties {

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> tricky = Arbitraries.strings().withChars(" \t\n'\\=\"@:/?&%,#aZ09_.é€")
                .ofMinLength(0).ofMaxLength(20);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(30);
        return Arbitraries.oneOf(tricky, any);
    }

    @Property
    void quotedValueSurvivesParsing(@ForAll("values") String value) {
        assertEquals(Map.of("password", value), ConnString.parse("password=" + ConnString.quote(value)));
    }

    @Property
    void severalQuotedValuesSurviveParsing(@ForAll("values") String dbname, @ForAll("values") String user,
                                           @ForAll("values") String appName) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("dbname", dbname);
        expected.put("user", user);
        expected.put("application_name", appName);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            sb.append(e.getKey()).append('=');
            ConnString.appendQuoted(sb, e.getValue());
            sb.append(' ');
        }
        assertEquals(expected, ConnString.parse(sb.toString()));
    }
}
