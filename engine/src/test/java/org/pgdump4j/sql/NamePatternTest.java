package org.pgdump4j.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pgdump4j.UsageException;

/**
 * Cases from the psql "Patterns" section, the pg_dump {@code -t}/{@code -n} docs, and regexes captured from real
 * pg_dump runs ({@code log_statement = all}).
 */
class NamePatternTest {

    /** Relation patterns: pattern | schema regex ("-" = none) | name regex ("-" = none). */
    @ParameterizedTest(name = "-t {0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '\'', nullValues = "-", value = {
        "foo*               | -              | ^(foo.*)$",
        "FOO                | -              | ^(foo)$",
        "\"FooBar\"         | -              | ^(FooBar)$",
        "FOO\"Bar\"         | -              | ^(fooBar)$",
        "\"Foo\"bar         | -              | ^(Foobar)$",
        "\"a.b\"            | -              | ^(a\\.b)$",
        "\"a\"\"b\"         | -              | ^(a\"b)$",
        "x$y                | -              | ^(x\\$y)$",
        "\"x$y\"            | -              | ^(x\\$y)$",
        "s.t                | ^(s)$          | ^(t)$",
        "S.*                | ^(s)$          | -",
        "*.t                | -              | ^(t)$",
        "*.*                | -              | -",
        "*                  | -              | -",
        "**                 | -              | ^(.*.*)$",
        "emp*.*ee           | ^(emp.*)$      | ^(.*ee)$",
        "mydb.s.t           | ^(s)$          | ^(t)$",
        "f?o                | -              | ^(f.o)$",
        "\"f?o*\"           | -              | ^(f\\?o\\*)$",
        "s?.[0-9]+(a|b)     | ^(s.)$         | ^([0-9]+(a|b))$",
        "\"x*y\".\"a[]b\"   | ^(x\\*y)$      | ^(a\\[\\]b)$",
        "int[]              | -              | ^(int\\[])$",
        "\"(a|b)+{1}^\\\"   | -              | ^(\\(a\\|b\\)\\+\\{1\\}\\^\\\\)$",
        "a\\d               | -              | ^(a\\d)$",
        ".x                 | ^()$           | ^(x)$",
        "''                 | -              | ^()$",
        "Ünï\"Cödé\"        | -              | ^(ÜnïCödé)$",
        "\"\"\"\"           | -              | ^(\")$",
    })
    void relationPatterns(String pattern, String schemaRegex, String nameRegex) {
        NamePattern p = NamePattern.relation(pattern);
        assertEquals(schemaRegex, p.schemaRegex(), "schema regex");
        assertEquals(nameRegex, p.nameRegex(), "name regex");
    }

    @Test
    void schemaPatternFromPgDumpDocs() {
        NamePattern p = NamePattern.schema("east*gsm");
        assertEquals("^(east.*gsm)$", p.nameRegex());
        assertNull(p.schemaRegex());
        assertNull(p.database());
        assertEquals(new SqlFragment("n.nspname OPERATOR(pg_catalog.~) ? COLLATE pg_catalog.default",
                List.of("^(east.*gsm)$")), p.nameCondition("n.nspname"));
        // -n 'East*gsm' folds like -n 'east*gsm'
        assertEquals(p.nameRegex(), NamePattern.schema("East*gsm").nameRegex());
    }

    @Test
    void relationConditionWithoutSchemaUsesVisibility() {
        assertEquals(new SqlFragment("""
                c.relname OPERATOR(pg_catalog.~) ? COLLATE pg_catalog.default
                  AND pg_catalog.pg_table_is_visible(c.oid)""", List.of("^(foo.*)$")),
                NamePattern.relation("foo*").relationCondition());
        assertEquals(new SqlFragment("pg_catalog.pg_table_is_visible(c.oid)", List.of()),
                NamePattern.relation("*").relationCondition());
    }

    @Test
    void relationConditionWithSchema() {
        assertEquals(new SqlFragment("""
                c.relname OPERATOR(pg_catalog.~) ? COLLATE pg_catalog.default
                  AND n.nspname OPERATOR(pg_catalog.~) ? COLLATE pg_catalog.default""", List.of("^(t)$", "^(s)$")),
                NamePattern.relation("s.t").relationCondition());
        // a "*" schema part drops the visibility rule and adds no schema condition
        assertEquals(new SqlFragment("c.relname OPERATOR(pg_catalog.~) ? COLLATE pg_catalog.default", List.of("^(t)$")),
                NamePattern.relation("*.t").relationCondition());
        assertEquals(new SqlFragment("true", List.of()), NamePattern.relation("*.*").relationCondition());
        assertEquals(new SqlFragment("n.nspname OPERATOR(pg_catalog.~) ? COLLATE pg_catalog.default", List.of("^(s)$")),
                NamePattern.relation("S.*").relationCondition());
    }

    @Test
    void databasePartIsLiteral() {
        NamePattern p = NamePattern.relation("My\"D.b\"*?$.s.t");
        assertEquals("myD.b*?$", p.database());
        assertEquals("^(s)$", p.schemaRegex());
        assertEquals(2, p.dotCount());
        assertTrue(p.hasSchemaPart());
        p.checkDatabase("myD.b*?$");
        UsageException e = assertThrows(UsageException.class, () -> p.checkDatabase("mydb"));
        assertEquals("cross-database references are not implemented: My\"D.b\"*?$.s.t", e.getMessage());
        assertNull(NamePattern.relation("s.t").database());
        NamePattern.relation("s.t").checkDatabase("anything");
    }

    @Test
    void schemaPatternWithDatabaseIsAlwaysRejectedLikePgDump() {
        NamePattern p = NamePattern.schema("postgres.public");
        assertEquals("postgres", p.database());
        assertEquals("^(public)$", p.nameRegex());
        assertFalse(p.hasSchemaPart());
        UsageException e = assertThrows(UsageException.class, () -> p.checkDatabase("postgres"));
        assertEquals("cross-database references are not implemented: postgres.public", e.getMessage());
    }

    @Test
    void tooManyDots() {
        assertEquals("improper relation name (too many dotted names): a.b.c.d",
                assertThrows(UsageException.class, () -> NamePattern.relation("a.b.c.d")).getMessage());
        assertEquals("improper qualified name (too many dotted names): a.b.c",
                assertThrows(UsageException.class, () -> NamePattern.schema("a.b.c")).getMessage());
        assertEquals("improper qualified name (too many dotted names): plpgsql.x",
                assertThrows(UsageException.class, () -> NamePattern.parse("plpgsql.x", NamePattern.SIMPLE))
                        .getMessage());
        // quoted dots do not count
        assertEquals("^(a\\.b\\.c\\.d)$", NamePattern.parse("\"a.b.c.d\"", NamePattern.SIMPLE).nameRegex());
        assertEquals(0, NamePattern.parse("\"a.b.c.d\"", NamePattern.SIMPLE).dotCount());
    }

    @Test
    void unterminatedQuoteRunsToTheEnd() {
        assertEquals("^(Ab\\.C)$", NamePattern.relation("\"Ab.C").nameRegex());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(UsageException.class, () -> NamePattern.relation("a\0b"));
        assertThrows(UsageException.class, () -> NamePattern.relation("a\uD800b"));
        assertThrows(IllegalArgumentException.class, () -> NamePattern.parse("a", 4));
        assertThrows(IllegalArgumentException.class, () -> NamePattern.parse("a", 0));
    }

    @Test
    void supplementaryCharactersPassThrough() {
        assertEquals("^(\uD83D\uDE00.*)$", NamePattern.relation("\uD83D\uDE00*").nameRegex());
    }
}
