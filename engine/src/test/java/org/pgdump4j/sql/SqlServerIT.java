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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pgdump4j.sql.Keywords.Keyword;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.PgMajor;
import org.pgdump4j.testing.TestDb;

/**
 * {@link Sql} and {@link Keywords} against a real PostgreSQL 18: thousands of generated names and values, batched
 * into a few queries.
 */
@ExtendWith(PgExtension.class)
@PgMajor(18)
class SqlServerIT {

    private static final int SAMPLES = 4000;
    private static final int BATCH = 500;

    /** Generated names plus every keyword in lower, upper and mixed case, and a few fixed edge cases. */
    private static List<String> names(long seed) {
        Set<String> names = new LinkedHashSet<>(SqlArbitraries.sampleNames(SAMPLES, seed, Integer.MAX_VALUE));
        for (Keyword k : Keywords.all()) {
            names.add(k.word());
            names.add(k.word().toUpperCase(Locale.ROOT));
            names.add(Character.toUpperCase(k.word().charAt(0)) + k.word().substring(1));
        }
        names.addAll(List.of("a", "_", "_1", "1", "a1", "a$", "\"", "\"\"", "é", "ÿ", "\uD83D\uDE00", " ", "a b"));
        return new ArrayList<>(names);
    }

    @Test
    void identEqualsQuoteIdent(TestDb db) throws SQLException {
        List<String> names = names(1);
        try (Connection c = db.connect()) {
            assertAllEqual(c, names, "pg_catalog.quote_ident(s)", Sql::ident);
            try (Statement st = c.createStatement()) {
                st.execute("SET quote_all_identifiers = on");
            }
            assertAllEqual(c, names, "pg_catalog.quote_ident(s)", s -> Sql.ident(s, true));
        }
    }

    @Test
    void keywordsEqualPgGetKeywords(TestDb db) throws SQLException {
        List<Keyword> server = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT word, catcode, barelabel FROM pg_catalog.pg_get_keywords() ORDER BY word COLLATE \"C\"")) {
            while (rs.next()) {
                server.add(new Keyword(rs.getString(1), Keywords.Category.fromCode(rs.getString(2).charAt(0)),
                        rs.getBoolean(3)));
            }
        }
        assertEquals(server, Keywords.all());
    }

    /** {@code Sql.literal(s, false)} is the server's own {@code quote_literal(s)}: E'' exactly when s has a backslash. */
    @Test
    void nonStandardLiteralEqualsQuoteLiteral(TestDb db) throws SQLException {
        List<String> values = values(2);
        try (Connection c = db.connect()) {
            assertAllEqual(c, values, "pg_catalog.quote_literal(s)", s -> Sql.literal(s, false));
        }
    }

    @Test
    void literalsAndDollarQuotesEvaluateBackToTheValue(TestDb db) throws SQLException {
        List<String> values = values(3);
        try (Connection c = db.connect()) {
            assertEvaluatesBack(c, values, Sql::literal);
            assertEvaluatesBack(c, values, s -> Sql.literal(s, false));
            assertEvaluatesBack(c, values, Sql::dollarQuote);
            assertEvaluatesBack(c, values, s -> Sql.dollarQuote(s, "fn"));
            try (Statement st = c.createStatement()) {
                st.execute("SET standard_conforming_strings = off");
                st.execute("SET escape_string_warning = off");
            }
            assertEvaluatesBack(c, values, s -> Sql.literal(s, false));
            assertEvaluatesBack(c, values, Sql::dollarQuote);
        }
    }

    /** Quoted identifiers name exactly the object: create objects through {@code Sql.qualified} and read the names back. */
    @Test
    void quotedNamesCreateExactlyThatName(TestDb db) throws SQLException {
        List<String> names = SqlArbitraries.sampleNames(300, 4, 63);
        Set<String> distinct = new LinkedHashSet<>(names);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA s");
            StringBuilder ddl = new StringBuilder();
            for (String n : distinct) {
                ddl.append("CREATE TABLE ").append(Sql.qualified("s", n)).append(" (")
                        .append(Sql.ident(n)).append(" int);\n");
            }
            st.execute(ddl.toString());
            Set<String> tables = new LinkedHashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT c.relname, a.attname FROM pg_catalog.pg_class c"
                    + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = 1"
                    + " WHERE c.relnamespace = 's'::pg_catalog.regnamespace")) {
                while (rs.next()) {
                    assertEquals(rs.getString(1), rs.getString(2));
                    tables.add(rs.getString(1));
                }
            }
            assertEquals(distinct, tables);
        }
    }

    private static List<String> values(long seed) {
        List<String> values = new ArrayList<>(SqlArbitraries.sampleNames(SAMPLES, seed, Integer.MAX_VALUE));
        values.addAll(List.of("", "'", "\\", "\\'", "'\\", "$", "$$", "$_$", "a$", "$_X", "E'x'", "\\\\'';--"));
        return values;
    }

    /** For each batch: {@code SELECT s, <serverExpr> FROM unnest(?)}, compared with {@code ours} row by row. */
    private static void assertAllEqual(Connection c, List<String> inputs, String serverExpr,
            Function<String, String> ours) throws SQLException {
        String sql = "SELECT s, " + serverExpr + " FROM pg_catalog.unnest(?::pg_catalog.text[]) WITH ORDINALITY AS u(s, i)"
                + " ORDER BY i";
        int checked = 0;
        for (List<String> batch : batches(inputs)) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Array array = c.createArrayOf("text", batch.toArray());
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    for (String input : batch) {
                        assertTrue(rs.next());
                        assertEquals(input, rs.getString(1), "round trip of the input itself");
                        assertEquals(rs.getString(2), ours.apply(input), () -> "for input [" + input + "]");
                        checked++;
                    }
                }
                array.free();
            }
        }
        assertEquals(inputs.size(), checked);
    }

    /** Pastes {@code quote(s)} into {@code SELECT ARRAY[...]} and checks the server reads back each s. */
    private static void assertEvaluatesBack(Connection c, List<String> values, Function<String, String> quote)
            throws SQLException {
        for (List<String> batch : batches(values)) {
            StringBuilder sql = new StringBuilder("SELECT ARRAY[");
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? "" : ",\n").append(quote.apply(batch.get(i))).append("::pg_catalog.text");
            }
            sql.append("]");
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
                assertTrue(rs.next());
                Object[] back = (Object[]) rs.getArray(1).getArray();
                assertEquals(batch.size(), back.length);
                for (int i = 0; i < back.length; i++) {
                    String v = batch.get(i);
                    assertEquals(v, back[i], () -> "for " + quote.apply(v));
                }
            }
        }
    }

    private static List<List<String>> batches(List<String> all) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            out.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        }
        return out;
    }
}
