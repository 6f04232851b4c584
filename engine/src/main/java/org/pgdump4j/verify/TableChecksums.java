package org.pgdump4j.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pgdump4j.sql.Sql;

/**
 * Per-table row count and an order-independent checksum of the rows' text, to tell whether a restored copy
 * holds the same data as its source.
 */
public final class TableChecksums {
    private TableChecksums() {
    }

    /** Qualified table name → "count:md5" for every ordinary table outside the system schemas. */
    public static Map<String, String> of(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Statement st = c.createStatement()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT n.nspname, c.relname FROM pg_catalog.pg_class c"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r'"
                    + " AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'")) {
                while (rs.next()) {
                    tables.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] t : tables) {
                String q = Sql.qualified(t[0], t[1]);
                try (ResultSet rs = st.executeQuery("SELECT pg_catalog.count(*) || ':' || coalesce(pg_catalog.md5("
                        + "pg_catalog.string_agg(x::text, '|' ORDER BY x::text)), '-') FROM " + q + " x")) {
                    rs.next();
                    out.put(q, rs.getString(1));
                }
            }
        }
        return out;
    }
}
