package org.pgdump4j.compat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.testing.TestDb;

/**
 * The edge-value fixture ({@code fixtures/edge-data.sql}) and the bit-exact comparison of its tables.
 *
 * <p>Rows are compared by each column's binary send form (the type's {@code typsend} function, e.g.
 * {@code float8send}, {@code numeric_send}, {@code array_send}, {@code timestamptz_send}), hex-encoded: that is the
 * stored value itself, independent of the session's TimeZone, DateStyle, extra_float_digits or lc_monetary, so
 * -0 and 0, NaN payloads, a numeric's display scale, a json's white space, a timetz's offset and the last bit of a
 * float all count. reg* columns are compared as text, the object's name, which is what a dump carries: the OID
 * behind a name may differ between servers (english's regconfig OID is not the same in 12 and 18). A type without a
 * send function would be compared as text too (the fixture has none). xml's send form is its output text (what
 * COPY and so every dump carries), not the string stored: PostgreSQL's xml output drops an XML declaration that
 * says no more than version 1.0, and the encoding of any declaration, so no dump, pg_dump's neither, restores
 * those (its {@code ::text}, a binary cast, shows them). Rows sort by their first field, the id's
 * send form: a table with no columns gives one {@code ()} per row.
 */
final class EdgeData {
    static final String FIXTURE = "edge-data.sql";
    private static final Pattern SINCE = Pattern.compile("(?m)^-- @since (\\d+)$");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?m)^CREATE TABLE (\\w+)");

    private EdgeData() {
    }

    /** The fixture's sections for a server of {@code major}: a section after "-- @since N" needs major N or later. */
    static String script(int major) {
        return script(FIXTURE, major);
    }

    /** {@code fixture}'s sections for a server of {@code major}. */
    static String script(String fixture, int major) {
        String text = Fixtures.text(fixture);
        StringBuilder out = new StringBuilder();
        Matcher m = SINCE.matcher(text);
        int from = 0;
        int since = 0;
        while (m.find()) {
            if (major >= since) {
                out.append(text, from, m.start());
            }
            from = m.end();
            since = Integer.parseInt(m.group(1));
        }
        if (major >= since) {
            out.append(text.substring(from));
        }
        return out.toString();
    }

    /** The tables the fixture creates on a server of {@code major}. */
    static Set<String> tables(int major) {
        return tables(FIXTURE, major);
    }

    /** The tables {@code fixture} creates on a server of {@code major}. */
    static Set<String> tables(String fixture, int major) {
        Set<String> tables = new TreeSet<>();
        Matcher m = CREATE_TABLE.matcher(script(fixture, major));
        while (m.find()) {
            tables.add(m.group(1));
        }
        return tables;
    }

    static void load(TestDb db) throws SQLException {
        db.execute(Fixtures.text("roles.sql"));
        db.execute(script(db.major()));
    }

    /**
     * For each table of schema public, the query that lists its rows as {@code id|send-hex|send-hex...}
     * ({@code NULL} for a null), built from {@code db}'s catalog: run it on the source and on a copy.
     */
    static Map<String, String> queries(TestDb db) throws SQLException {
        // an array of a user-defined type (or a domain over one) carries its element type's OID, which a restore
        // cannot keep: those four bytes are zeroed, every other byte compared
        String sql = "SELECT c.relname, COALESCE(pg_catalog.string_agg(CASE"
                + " WHEN p.oid IS NULL OR t.typname LIKE 'reg%'"
                + " THEN pg_catalog.format('coalesce(%I::pg_catalog.text, ''NULL'')', a.attname)"
                + " WHEN p.proname = 'array_send' AND COALESCE(NULLIF(t.typelem, 0), bt.typelem) >= 16384"
                + " THEN pg_catalog.format('coalesce(pg_catalog.encode(pg_catalog.overlay(%I.%I(%I),"
                + "  ''\\x00000000''::pg_catalog.bytea, 9, 4), ''hex''), ''NULL'')',"
                + "  n.nspname, p.proname, a.attname)"
                + " ELSE pg_catalog.format('coalesce(pg_catalog.encode(%I.%I(%I), ''hex''), ''NULL'')',"
                + "  n.nspname, p.proname, a.attname) END, ' || ''|'' || ' ORDER BY a.attnum)"
                + "  FILTER (WHERE a.attnum IS NOT NULL), '''()''')"
                + " FROM pg_catalog.pg_class c"
                + " LEFT JOIN pg_catalog.pg_attribute a"
                + "  ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
                + " LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype"
                + " LEFT JOIN pg_catalog.pg_proc p ON p.oid = t.typsend"
                + " LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE c.relnamespace = 'public'::pg_catalog.regnamespace AND c.relkind = 'r'"
                + " GROUP BY c.relname ORDER BY c.relname";
        Map<String, String> queries = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String table = rs.getString(1);
                queries.put(table, "SELECT " + rs.getString(2) + " FROM " + Sql.qualified("public", table)
                        + " ORDER BY 1");
            }
        }
        return queries;
    }

    /** Every table's rows in send form, by {@link #queries}. A table missing in {@code db} fails. */
    static Map<String, List<String>> rows(TestDb db, Map<String, String> queries) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (var q : queries.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(q.getValue())) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                out.put(q.getKey(), rows);
            }
        }
        return out;
    }

    /**
     * The differences between two {@link #rows} snapshots, one line per differing table (its first differing row
     * and column, values cut to 120 characters); empty when they are equal.
     */
    static List<String> differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        List<String> out = new ArrayList<>();
        if (!expected.keySet().equals(actual.keySet())) {
            out.add("tables " + expected.keySet() + " became " + actual.keySet());
        }
        for (var e : expected.entrySet()) {
            List<String> a = actual.get(e.getKey());
            List<String> x = e.getValue();
            if (a == null || a.equals(x)) {
                continue;
            }
            if (a.size() != x.size()) {
                out.add(e.getKey() + ": " + x.size() + " rows became " + a.size());
                continue;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!x.get(i).equals(a.get(i))) {
                    String[] xs = x.get(i).split("\\|", -1);
                    String[] as = a.get(i).split("\\|", -1);
                    int col = 0;
                    while (col < xs.length && col < as.length && xs[col].equals(as[col])) {
                        col++;
                    }
                    out.add(e.getKey() + " row " + xs[0] + " column " + (col + 1) + ": " + cut(xs, col) + " became "
                            + cut(as, col));
                    break;
                }
            }
        }
        return out;
    }

    private static String cut(String[] fields, int col) {
        String s = col < fields.length ? fields[col] : "(none)";
        return s.length() > 120 ? s.substring(0, 120) + "...(" + s.length() + ")" : s;
    }
}
