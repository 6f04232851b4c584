package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pgdump4j.ConnectionException;

class ConnStringTest {

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String error(String connstr) {
        return assertThrows(ConnectionException.class, () -> ConnString.parse(connstr)).getMessage();
    }

    // ---- key=value form ----

    @Test
    void parsesKeywordValuePairsInOrder() {
        Map<String, String> opts = ConnString.parse("host=localhost port=5432 dbname=mydb connect_timeout=10");
        assertEquals(map("host", "localhost", "port", "5432", "dbname", "mydb", "connect_timeout", "10"), opts);
        assertEquals(List.of("host", "port", "dbname", "connect_timeout"), List.copyOf(opts.keySet()));
    }

    @Test
    void allowsBlanksAroundEqualsAndBetweenPairs() {
        assertEquals(map("host", "h", "port", "1"), ConnString.parse("  host = h \t\n port\t=1  "));
    }

    @Test
    void quotedValuesKeepBlanksAndUnescapeQuoteAndBackslash() {
        assertEquals(map("password", "a b'c\\d", "dbname", "x"),
                ConnString.parse("password='a b\\'c\\\\d' dbname=x"));
    }

    @Test
    void backslashEscapesInUnquotedValues() {
        assertEquals(map("dbname", "a b", "user", "q'"), ConnString.parse("dbname=a\\ b user=q\\'"));
    }

    @Test
    void emptyValuesArePresent() {
        assertEquals(map("host", "", "port", ""), ConnString.parse("host='' port="));
    }

    @Test
    void emptyStringSetsNothing() {
        assertEquals(Map.of(), ConnString.parse(""));
        assertEquals(Map.of(), ConnString.parse("   "));
    }

    @Test
    void laterValueWins() {
        assertEquals(map("host", "b"), ConnString.parse("host=a host=b"));
    }

    @Test
    void requiresslIsTranslatedToSslmode() {
        assertEquals(map("sslmode", "require"), ConnString.parse("requiressl=1"));
        assertEquals(map("sslmode", "prefer"), ConnString.parse("requiressl=0"));
    }

    @Test
    void blankAfterEqualsIsSkippedLikeLibpq() {
        // libpq skips blanks after '=', so the next word becomes the value
        assertEquals(map("host", "port=5"), ConnString.parse("host= port=5"));
    }

    @Test
    void unknownKeywordIsRejected() {
        assertEquals("invalid connection option \"foo\"", error("host=h foo=bar"));
    }

    @Test
    void missingEqualsIsRejected() {
        assertEquals("missing \"=\" after \"host\" in connection info string", error("host"));
        assertEquals("missing \"=\" after \"host\" in connection info string", error("host localhost"));
    }

    @Test
    void unterminatedQuoteIsRejected() {
        assertEquals("unterminated quoted string in connection info string", error("password='abc"));
        assertEquals("unterminated quoted string in connection info string", error("password='abc\\'"));
    }

    @ParameterizedTest
    @CsvSource({
        "mydb, false",
        "my db, false",
        "a=b, true",
        "postgresql://, true",
        "postgres://h/db, true",
        "postgresq://h, false",
        "postgresql:/h, false",
    })
    void recognizesConnectionStringsLikeLibpq(String value, boolean expected) {
        assertEquals(expected, ConnString.isConnectionString(value));
    }

    @Test
    void quotesOnlyWhenNeeded() {
        assertEquals("abc_1.2", ConnString.quote("abc_1.2"));
        assertEquals("''", ConnString.quote(""));
        assertEquals("'a b'", ConnString.quote("a b"));
        assertEquals("'it\\'s'", ConnString.quote("it's"));
        assertEquals("'a\\\\b'", ConnString.quote("a\\b"));
        assertEquals("'a-b'", ConnString.quote("a-b"));
        assertEquals("'é'", ConnString.quote("é"));
    }

    // ---- URI form: the examples of the libpq documentation and more ----

    @Test
    void uriExamplesFromTheLibpqDocumentation() {
        assertEquals(map(), ConnString.parse("postgresql://"));
        assertEquals(map("host", "localhost"), ConnString.parse("postgresql://localhost"));
        assertEquals(map("host", "localhost", "port", "5433"), ConnString.parse("postgresql://localhost:5433"));
        assertEquals(map("host", "localhost", "dbname", "mydb"), ConnString.parse("postgresql://localhost/mydb"));
        assertEquals(map("user", "user", "host", "localhost"), ConnString.parse("postgresql://user@localhost"));
        assertEquals(map("user", "user", "password", "secret", "host", "localhost"),
                ConnString.parse("postgresql://user:secret@localhost"));
        assertEquals(map("user", "other", "host", "localhost", "dbname", "otherdb", "connect_timeout", "10",
                        "application_name", "myapp"),
                ConnString.parse("postgresql://other@localhost/otherdb?connect_timeout=10&application_name=myapp"));
        assertEquals(map("host", "host1,host2", "port", "123,456", "dbname", "somedb",
                        "target_session_attrs", "any", "application_name", "myapp"),
                ConnString.parse("postgresql://host1:123,host2:456/somedb"
                        + "?target_session_attrs=any&application_name=myapp"));
        assertEquals(map("dbname", "mydb", "host", "localhost", "port", "5433"),
                ConnString.parse("postgresql:///mydb?host=localhost&port=5433"));
        assertEquals(map("host", "2001:db8::1234", "dbname", "database"),
                ConnString.parse("postgresql://[2001:db8::1234]/database"));
        assertEquals(map("dbname", "dbname", "host", "/var/lib/postgresql"),
                ConnString.parse("postgresql:///dbname?host=/var/lib/postgresql"));
        assertEquals(map("host", "/var/lib/postgresql", "dbname", "dbname"),
                ConnString.parse("postgresql://%2Fvar%2Flib%2Fpostgresql/dbname"));
    }

    @Test
    void uriShortDesignatorAndIpv6WithPort() {
        assertEquals(map("host", "::1", "port", "5433", "dbname", "db"), ConnString.parse("postgres://[::1]:5433/db"));
        assertEquals(map("host", "::1,h2", "port", "1,"), ConnString.parse("postgresql://[::1]:1,h2"));
    }

    @Test
    void uriMultipleHostsWithSomePorts() {
        assertEquals(map("host", "host1,host2", "port", ",5433"), ConnString.parse("postgresql://host1,host2:5433/"));
    }

    @Test
    void uriPercentDecodesEveryPart() {
        assertEquals(map("user", "u@x", "password", "p:w/?", "host", "h", "dbname", "d b", "application_name", "a&b"),
                ConnString.parse("postgres://u%40x:p%3aw%2F%3F@h/d%20b?application_name=a%26b"));
        assertEquals(map("dbname", "\u00e9t\u00e9"), ConnString.parse("postgresql:///%C3%A9t%C3%A9"));
    }

    @Test
    void uriQueryParametersOverrideTheAuthority() {
        assertEquals(map("user", "b", "host", "h"), ConnString.parse("postgresql://a@h?user=b"));
    }

    @Test
    void uriSslTrueMeansRequire() {
        assertEquals(map("host", "h", "sslmode", "require"), ConnString.parse("postgresql://h?ssl=true"));
    }

    @Test
    void uriEmptyUserAndPasswordAreNotSet() {
        assertEquals(map("host", "h"), ConnString.parse("postgresql://:@h"));
        assertEquals(map("user", "u", "host", "h"), ConnString.parse("postgresql://u:@h"));
    }

    @Test
    void uriEmptyDbnameIsNotSet() {
        assertEquals(map("host", "h"), ConnString.parse("postgresql://h/"));
        assertEquals(map("host", "h", "port", "5"), ConnString.parse("postgresql://h/?port=5"));
    }

    @Test
    void uriErrorsHaveLibpqMessages() {
        assertEquals("end of string reached when looking for matching \"]\" in IPv6 host address in URI: "
                + "\"postgresql://[::1\"", error("postgresql://[::1"));
        assertEquals("IPv6 host address may not be empty in URI: \"postgresql://[]/db\"", error("postgresql://[]/db"));
        assertEquals("unexpected character \"x\" at position 19 in URI (expected \":\" or \"/\"): "
                + "\"postgresql://[::1]x\"", error("postgresql://[::1]x"));
        assertEquals("invalid URI query parameter: \"foo\"", error("postgresql://h/d?foo=bar"));
        assertEquals("missing key/value separator \"=\" in URI query parameter: \"port\"", error("postgresql://h/d?port"));
        assertEquals("extra key/value separator \"=\" in URI query parameter: \"port\"",
                error("postgresql://h/d?port=1=2"));
        assertEquals("invalid percent-encoded token: \"d%zz\"", error("postgresql://h/d%zz"));
        assertEquals("invalid percent-encoded token: \"d%2\"", error("postgresql://h/d%2"));
        assertEquals("forbidden value %00 in percent-encoded value: \"d%00\"", error("postgresql://h/d%00"));
    }

    @Test
    void parseResultIsUnmodifiable() {
        Map<String, String> opts = ConnString.parse("host=h");
        assertThrows(UnsupportedOperationException.class, () -> opts.put("port", "1"));
        assertTrue(opts.containsKey("host"));
        assertFalse(opts.containsKey("port"));
    }
}
