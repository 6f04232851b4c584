package org.pgdump4j.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTest {

    @ParameterizedTest(name = "ident({0}) = {1}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '\'', value = {
        "foo -> foo",
        "_foo1 -> _foo1",
        "Foo -> \"Foo\"",
        "1abc -> \"1abc\"",
        "a b -> \"a b\"",
        "a-b -> \"a-b\"",
        "x$y -> \"x$y\"",
        "a\"b -> \"a\"\"b\"",
        "\" -> \"\"\"\"",
        "'' -> \"\"",
        "é -> \"é\"",
        "select -> \"select\"",
        "user -> \"user\"",
        "int -> \"int\"",
        "between -> \"between\"",
        "authorization -> \"authorization\"",
        "name -> name",
        "abort -> abort",
        "text -> text",
        "SELECT -> \"SELECT\"",
    })
    void ident(String name, String expected) {
        assertEquals(expected, Sql.ident(name));
        assertEquals(expected, Sql.appendIdent(new StringBuilder(), name).toString());
    }

    @Test
    void quoteAll() {
        assertEquals("\"foo\"", Sql.ident("foo", true));
        assertEquals("foo", Sql.ident("foo", false));
        assertEquals("\"a\"\"b\"", Sql.quoter(true).ident("a\"b"));
        assertEquals("\"public\".\"t\"", Sql.quoter(true).qualified("public", "t"));
        assertSame(Sql.quoter(true), Sql.quoter(true));
        assertTrue(Sql.quoter(true).quoteAll());
    }

    /** A run's scope quotes every name on its thread only, nests, and leaves nothing behind when closed. */
    @Test
    void quoteAllScope() throws Exception {
        assertEquals("foo", Sql.ident("foo"));
        try (Sql.Scope run = Sql.scope(true)) {
            assertEquals("\"foo\"", Sql.ident("foo"));
            assertEquals("\"s\".\"t\"", Sql.qualified("s", "t"));
            assertEquals("\"x\"", Sql.appendIdent(new StringBuilder(), "x").toString());
            assertEquals("\"Foo\"", Sql.ident("Foo"));
            String[] elsewhere = new String[2];
            Thread other = new Thread(() -> elsewhere[0] = Sql.ident("foo"));
            Thread carried = new Thread(Sql.carry(() -> {
                elsewhere[1] = Sql.ident("foo");
            }));
            other.start();
            carried.start();
            other.join();
            carried.join();
            assertEquals("foo", elsewhere[0], "another run's thread is not this run's");
            assertEquals("\"foo\"", elsewhere[1], "a thread the run starts carries its quoting");
            try (Sql.Scope inner = Sql.scope(false)) {
                assertEquals("foo", Sql.ident("foo"));
            }
            assertEquals("\"foo\"", Sql.ident("foo"), "the inner scope restored the outer one");
            assertEquals("\"foo\"", Sql.carry(() -> Sql.ident("foo")).call());
        }
        assertEquals("foo", Sql.ident("foo"));
        assertFalse(Sql.current().quoteAll());
    }

    @Test
    void quoteAllScopeClosesOnItsOwnThread() throws Exception {
        try (Sql.Scope run = Sql.scope(true)) {
            Throwable[] failure = new Throwable[1];
            Thread other = new Thread(() -> failure[0] = assertThrows(IllegalStateException.class, run::close));
            other.start();
            other.join();
            assertTrue(failure[0] instanceof IllegalStateException);
            assertEquals("\"foo\"", Sql.ident("foo"));
        }
        assertEquals("foo", Sql.ident("foo"));
    }

    @Test
    void qualified() {
        assertEquals("public.foo", Sql.qualified("public", "foo"));
        assertEquals("\"My Schema\".\"order\"", Sql.qualified("My Schema", "order"));
        assertEquals("s.\"a.b\"", Sql.qualified("s", "a.b"));
        assertThrows(IllegalArgumentException.class, () -> Sql.qualified("", "foo"));
        assertThrows(NullPointerException.class, () -> Sql.qualified(null, "foo"));
    }

    @Test
    void isSimpleIdentifier() {
        assertTrue(Sql.isSimpleIdentifier("abc_1"));
        assertFalse(Sql.isSimpleIdentifier(""));
        assertFalse(Sql.isSimpleIdentifier("table"));
        assertTrue(Sql.isSimpleIdentifier("schema"));
    }

    @Test
    void literal() {
        assertEquals("'abc'", Sql.literal("abc"));
        assertEquals("''", Sql.literal(""));
        assertEquals("'it''s'", Sql.literal("it's"));
        assertEquals("'a\\b'", Sql.literal("a\\b"));
        assertEquals("'a\\b'", Sql.literal("a\\b", true));
        assertEquals("E'a\\\\b''c'", Sql.literal("a\\b'c", false));
        assertEquals("'it''s'", Sql.literal("it's", false));
        assertEquals("'ünï\uD83D\uDE00'", Sql.literal("ünï\uD83D\uDE00"));
        assertEquals("x = 'a'", Sql.appendLiteral(new StringBuilder("x = "), "a", true).toString());
    }

    @Test
    void dollarQuoteTagsFollowPgDump() {
        assertEquals("$$abc$$", Sql.dollarQuote("abc"));
        assertEquals("$$$$", Sql.dollarQuote(""));
        assertEquals("$_$a$b$_$", Sql.dollarQuote("a$b"));
        assertEquals("$_$a$$_$", Sql.dollarQuote("a$"));
        assertEquals("$_X$$_$_X$", Sql.dollarQuote("$_"));
        assertEquals("$_XX$$_X$_XX$", Sql.dollarQuote("$_X"));
        // after "_XXXXXXX" the suffixes start over with "_"
        assertEquals("$_XXXXXXX_$$_XXXXXXX$_XXXXXXX_$", Sql.dollarQuote("$_XXXXXXX"));
        assertEquals("$fn$x$fn$", Sql.dollarQuote("x", "fn"));
        assertEquals("$fn_$$fn$fn_$", Sql.dollarQuote("$fn", "fn"));
        assertThrows(IllegalArgumentException.class, () -> Sql.dollarQuote("x", "1a"));
        assertThrows(IllegalArgumentException.class, () -> Sql.dollarQuote("x", "a$"));
        assertThrows(IllegalArgumentException.class, () -> Sql.dollarQuote("x", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\0b", "\uD800", "a\uDC00b", "\uDBFF", "x\uD800\uD800\uDC00\uDC00"})
    void refusesNulAndLoneSurrogates(String bad) {
        assertThrows(IllegalArgumentException.class, () -> Sql.ident(bad));
        assertThrows(IllegalArgumentException.class, () -> Sql.ident(bad, true));
        assertThrows(IllegalArgumentException.class, () -> Sql.literal(bad));
        assertThrows(IllegalArgumentException.class, () -> Sql.literal(bad, false));
        assertThrows(IllegalArgumentException.class, () -> Sql.dollarQuote(bad));
        assertThrows(IllegalArgumentException.class, () -> Sql.qualified("s", bad));
        assertThrows(IllegalArgumentException.class, () -> Sql.qualified(bad, "t"));
    }

    @Test
    void acceptsPairedSurrogates() {
        assertEquals("\"\uD83D\uDE00\"", Sql.ident("\uD83D\uDE00"));
        Sql.checkText("a\uDBFF\uDFFFb", "x");
    }

    @Test
    void errorMessagesNameTheProblem() {
        assertEquals("identifier contains a NUL character at index 1",
                assertThrows(IllegalArgumentException.class, () -> Sql.ident("a\0")).getMessage());
        assertEquals("string literal is not valid UTF-16: unpaired surrogate U+D800 at index 0",
                assertThrows(IllegalArgumentException.class, () -> Sql.literal("\uD800'")).getMessage());
    }
}
