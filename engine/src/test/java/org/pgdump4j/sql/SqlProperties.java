package org.pgdump4j.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pgdump4j.UsageException;

class SqlProperties {

    @Provide
    Arbitrary<String> names() {
        return SqlArbitraries.names();
    }

    @Provide
    Arbitrary<String> values() {
        return SqlArbitraries.values();
    }

    /** Strings with an unpaired surrogate somewhere. */
    @Provide
    Arbitrary<String> malformed() {
        Arbitrary<String> lone = Arbitraries.chars().range('\uD800', '\uDFFF').map(String::valueOf);
        return Combinators.combine(values(), lone, values())
                .as((a, s, b) -> a + s + b)
                .filter(s -> !isWellFormed(s));
    }

    @Property
    void identRoundTrips(@ForAll("names") String name) {
        assertEquals(name, unquoteIdent(Sql.ident(name)));
        assertEquals(name, unquoteIdent(Sql.ident(name, true)));
    }

    @Property
    void identIsBalancedAndBareOnlyWhenSafe(@ForAll("names") String name) {
        String q = Sql.ident(name);
        if (q.startsWith("\"")) {
            assertBalancedQuotedIdent(q);
        } else {
            assertEquals(name, q);
            assertTrue(q.matches("[a-z_][a-z0-9_]*"), q);
            assertFalse(Keywords.needsQuoting(q), q);
        }
        assertBalancedQuotedIdent(Sql.ident(name, true));
    }

    @Property
    void qualifiedIsTwoIdents(@ForAll("names") String schema, @ForAll("names") String name) {
        assertEquals(Sql.ident(schema) + "." + Sql.ident(name), Sql.qualified(schema, name));
    }

    @Property
    void literalRoundTrips(@ForAll("values") String value) {
        String std = Sql.literal(value);
        assertEquals(value, unquoteLiteral(std));
        String nonStd = Sql.literal(value, false);
        assertEquals(value, unquoteLiteral(nonStd));
        assertTrue(!nonStd.startsWith("E") || value.indexOf('\\') >= 0);
    }

    @Property
    void dollarQuoteEndsExactlyAtTheClosingTag(@ForAll("values") String body) {
        String q = Sql.dollarQuote(body);
        int tagEnd = q.indexOf('$', 1) + 1;
        String tag = q.substring(0, tagEnd);
        assertTrue(tag.matches("\\$(_X*(_X*)*)?\\$"), tag);
        assertTrue(q.endsWith(tag));
        // the lexer ends the string at the first occurrence of the tag after the opening one
        assertEquals(q.length() - tag.length(), q.indexOf(tag, tagEnd));
        assertEquals(body, q.substring(tagEnd, q.length() - tag.length()));
    }

    @Property
    void malformedInputIsRefused(@ForAll("malformed") String bad) {
        assertThrows(IllegalArgumentException.class, () -> Sql.ident(bad));
        assertThrows(IllegalArgumentException.class, () -> Sql.literal(bad, false));
        assertThrows(IllegalArgumentException.class, () -> Sql.dollarQuote(bad));
        assertThrows(UsageException.class, () -> NamePattern.relation(bad));
    }

    /** A fully quoted pattern matches exactly its name (checked here with java.util.regex; on the server in the ITs). */
    @Property
    void quotedPatternMatchesExactlyItsName(@ForAll("names") String name) {
        NamePattern p = NamePattern.relation(SqlArbitraries.quotedPattern(name));
        assertEquals(0, p.dotCount());
        assertNotNull(p.nameRegex());
        assertTrue(Pattern.compile(p.nameRegex(), Pattern.DOTALL).matcher(name).matches(), p.nameRegex());
        assertFalse(Pattern.compile(p.nameRegex(), Pattern.DOTALL).matcher(name + "x").matches());
    }

    /** {@link #names()} that are plain identifiers: every try checks something (no early return). */
    @Provide
    Arbitrary<String> plainNames() {
        return names().filter(n -> n.matches("[A-Za-z_][A-Za-z0-9_]*"));
    }

    @Property
    void unquotedPlainNamesFoldAndMatch(@ForAll("plainNames") String name) {
        NamePattern p = NamePattern.schema(name);
        assertEquals("^(" + name.toLowerCase(Locale.ROOT) + ")$", p.nameRegex());
    }

    // ---- helpers

    static String unquoteIdent(String q) {
        if (!q.startsWith("\"")) {
            return q;
        }
        return q.substring(1, q.length() - 1).replace("\"\"", "\"");
    }

    static String unquoteLiteral(String q) {
        boolean e = q.startsWith("E'");
        String inner = q.substring(e ? 2 : 1, q.length() - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char ch = inner.charAt(i);
            if (ch == '\'' || (e && ch == '\\')) {
                assertEquals(ch, inner.charAt(i + 1), "undoubled " + ch + " in " + q);
                i++;
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    private static void assertBalancedQuotedIdent(String q) {
        assertTrue(q.length() >= 2 && q.startsWith("\"") && q.endsWith("\""), q);
        String inner = q.substring(1, q.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            if (inner.charAt(i) == '"') {
                assertTrue(i + 1 < inner.length() && inner.charAt(i + 1) == '"', "lone quote in " + q);
                i++;
            }
        }
    }

    private static boolean isWellFormed(String s) {
        try {
            Sql.checkText(s, "s");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
