package org.pgdump4j.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.PgMajor;
import org.pgdump4j.testing.TestDb;

/**
 * Patterns run on a real PostgreSQL 18 with pg_dump's queries and our bound regexes; the matches must be exactly
 * what psql's pattern rules predict.
 */
@ExtendWith(PgExtension.class)
@PgMajor(18)
class NamePatternServerIT {

    /** Odd schemas and relations; {@code public} is in the default search path, the others are not. */
    private static final String FIXTURE = """
            CREATE TABLE public.foo(); CREATE TABLE public.foobar(); CREATE TABLE public."FooBar"();
            CREATE TABLE public."fooBar"(); CREATE TABLE public."x$y"(); CREATE TABLE public.xzy();
            CREATE TABLE public."a.b"(); CREATE TABLE public.ab(); CREATE TABLE public."int[]"();
            CREATE TABLE public.t1(x int); CREATE TABLE public.t2(); CREATE TABLE public.t10(); CREATE TABLE public."日本"();
            CREATE VIEW public.v AS SELECT 1 AS x; CREATE SEQUENCE public.seq; CREATE INDEX t1_idx ON public.t1 (x);
            CREATE SCHEMA east_gsm; CREATE SCHEMA eastgsm; CREATE SCHEMA "EastGsm"; CREATE SCHEMA "east.gsm";
            CREATE SCHEMA a; CREATE SCHEMA "Quote""d";
            CREATE TABLE east_gsm.t(); CREATE TABLE eastgsm.t(); CREATE TABLE "EastGsm".t(); CREATE TABLE "east.gsm".t();
            CREATE TABLE a.b(); CREATE TABLE "Quote""d"."T*"(); CREATE TABLE "Quote""d"."Tx"();
            """;

    /** pg_dump's expand_table_name_patterns query, limited to our fixture's schemas. */
    private static final String TABLE_QUERY = """
            SELECT n.nspname || '.' || c.relname
            FROM pg_catalog.pg_class c
                 LEFT JOIN pg_catalog.pg_namespace n
                 ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
            WHERE c.relkind OPERATOR(pg_catalog.=) ANY
                (array['r', 'S', 'v', 'm', 'f', 'p'])
              AND n.nspname !~ '^(pg_|information_schema)'
              AND %s""";

    private static final String SCHEMA_QUERY = """
            SELECT n.nspname FROM pg_catalog.pg_namespace n
            WHERE n.nspname !~ '^(pg_|information_schema)'
              AND %s""";

    @Test
    void relationPatterns(TestDb db) throws SQLException {
        db.execute(FIXTURE);
        try (Connection c = db.connect()) {
            assertRelations(c, "foo*", "public.foo", "public.fooBar", "public.foobar");
            assertRelations(c, "FOO*", "public.foo", "public.fooBar", "public.foobar");
            assertRelations(c, "\"FooBar\"", "public.FooBar");
            assertRelations(c, "FOO\"Bar\"", "public.fooBar");
            assertRelations(c, "x$y", "public.x$y");
            assertRelations(c, "\"a.b\"", "public.a.b");
            assertRelations(c, "a.b", "a.b");
            assertRelations(c, "t?", "public.t1", "public.t2");
            assertRelations(c, "t[0-9]+", "public.t1", "public.t10", "public.t2");
            assertRelations(c, "(foo|xzy)", "public.foo", "public.xzy");
            assertRelations(c, "int[]", "public.int[]");
            assertRelations(c, "日本", "public.日本");
            assertRelations(c, "*.t", "EastGsm.t", "east.gsm.t", "east_gsm.t", "eastgsm.t");
            assertRelations(c, "east*gsm.t", "east.gsm.t", "east_gsm.t", "eastgsm.t");
            assertRelations(c, "east?gsm.*", "east.gsm.t", "east_gsm.t");
            assertRelations(c, "\"east.gsm\".*", "east.gsm.t");
            assertRelations(c, "\"EastGsm\".T", "EastGsm.t");
            assertRelations(c, "\"Quote\"\"d\".\"T*\"", "Quote\"d.T*");
            assertRelations(c, "\"Quote\"\"d\".\"T\"*", "Quote\"d.T*", "Quote\"d.Tx");
            assertRelations(c, db.name() + ".public.foo", "public.foo");
            assertRelations(c, "t" /* only in schemas outside the search path: not visible */);
            assertRelations(c, "v", "public.v");
            assertRelations(c, "seq", "public.seq");
            assertRelations(c, "t1_idx" /* indexes are not among the relkinds pg_dump selects */);
            Set<String> all = relations(c, NamePattern.relation("*"));
            assertEquals(15, all.size(), all::toString);
            assertTrue(all.stream().allMatch(r -> r.startsWith("public.")), all::toString);
            assertEquals(15 + 7, relations(c, NamePattern.relation("*.*")).size());
        }
    }

    @Test
    void schemaPatterns(TestDb db) throws SQLException {
        db.execute(FIXTURE);
        try (Connection c = db.connect()) {
            assertSchemas(c, "east*gsm", "east.gsm", "east_gsm", "eastgsm");
            assertSchemas(c, "East*gsm", "east.gsm", "east_gsm", "eastgsm");
            assertSchemas(c, "\"EastGsm\"", "EastGsm");
            assertSchemas(c, "*gsm", "east.gsm", "east_gsm", "eastgsm");
            assertSchemas(c, "\"east.gsm\"", "east.gsm");
            assertSchemas(c, "Quote\"\"\"d\"" /* folds to quote"d: no such schema */);
            assertSchemas(c, "\"Quote\"\"d\"", "Quote\"d");
            assertSchemas(c, "?", "a");
            assertEquals(7, schemas(c, NamePattern.schema("*")).size());
        }
    }

    /** Every generated name, as a fully quoted pattern, matches exactly itself on the server (and not a longer name). */
    @Test
    void quotedPatternsMatchExactlyTheirName(TestDb db) throws SQLException {
        List<String> names = SqlArbitraries.sampleNames(3000, 5, Integer.MAX_VALUE);
        List<String> regexes = new ArrayList<>(names.size());
        for (String n : names) {
            regexes.add(NamePattern.relation(SqlArbitraries.quotedPattern(n)).nameRegex());
        }
        String sql = """
                SELECT count(*) FILTER (WHERE s OPERATOR(pg_catalog.~) r COLLATE pg_catalog.default),
                       count(*) FILTER (WHERE (s || 'x') OPERATOR(pg_catalog.~) r COLLATE pg_catalog.default),
                       count(*) FILTER (WHERE ('x' || s) OPERATOR(pg_catalog.~) r COLLATE pg_catalog.default),
                       count(*)
                FROM ROWS FROM (pg_catalog.unnest(?::pg_catalog.text[]), pg_catalog.unnest(?::pg_catalog.text[])) AS u(s, r)""";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            Array a = c.createArrayOf("text", names.toArray());
            Array b = c.createArrayOf("text", regexes.toArray());
            ps.setArray(1, a);
            ps.setArray(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(names.size(), rs.getInt(4));
                assertEquals(names.size(), rs.getInt(1), "every name matches its own pattern");
                assertEquals(0, rs.getInt(2), "no pattern matches a longer name");
                assertEquals(0, rs.getInt(3), "no pattern matches a longer name");
            }
        }
    }

    private static void assertRelations(Connection c, String pattern, String... expected) throws SQLException {
        NamePattern p = NamePattern.relation(pattern);
        assertEquals(new TreeSet<>(List.of(expected)), relations(c, p), () -> "-t " + pattern);
    }

    private static void assertSchemas(Connection c, String pattern, String... expected) throws SQLException {
        NamePattern p = NamePattern.schema(pattern);
        assertEquals(new TreeSet<>(List.of(expected)), schemas(c, p), () -> "-n " + pattern);
    }

    private static Set<String> relations(Connection c, NamePattern p) throws SQLException {
        p.checkDatabase(c.getCatalog());
        return query(c, TABLE_QUERY, p.relationCondition());
    }

    private static Set<String> schemas(Connection c, NamePattern p) throws SQLException {
        return query(c, SCHEMA_QUERY, p.nameCondition("n.nspname"));
    }

    private static Set<String> query(Connection c, String template, SqlFragment where) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("RESET search_path"); // as pg_dump does around this lookup
        }
        Set<String> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(template.formatted(where.sql()))) {
            for (int i = 0; i < where.parameters().size(); i++) {
                ps.setString(i + 1, where.parameters().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
