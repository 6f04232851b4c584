package org.pgdump4j.object.relation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;

/** Reads the columns of locked relations (pg_dump's getTableAttrs). */
public final class ColumnReader {
    private static final String SQL = """
            SELECT a.attrelid, a.attnum, a.attname, {attnotnull} AS attnotnull,
                   pg_catalog.format_type(a.atttypid, a.atttypmod) AS typname, a.atttypid,
                   a.attidentity, {attgenerated} AS attgenerated,
                   coll.collname, colln.nspname AS collschema,
                   a.attacl::pg_catalog.text[] AS attacl,
                   pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS adsrc, ad.oid AS adoid,
                   d.description, {notnull_name} AS notnull_name, {notnull_noinherit} AS notnull_noinherit,
                   {notnull_comment} AS notnull_comment
              FROM pg_catalog.pg_attribute a
              JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
              JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
              LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
              LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = a.attcollation AND a.attcollation <> t.typcollation
              LEFT JOIN pg_catalog.pg_namespace colln ON colln.oid = coll.collnamespace
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid AND d.objsubid = a.attnum
                   AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
              {notnull_join}
             WHERE a.attrelid = ANY(?) AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attrelid, a.attnum
            """;

    private ColumnReader() {
    }

    /** Columns per relation OID, in attnum order. */
    public static Map<Long, List<Column>> read(Jdbc jdbc, ServerFeatures f, long[] relations) {
        // 18 names NOT NULL constraints; print the name only when it is not the default <table>_<column>_not_null
        // or the constraint has a comment (which names it). A NOT VALID one is a constraint of its own, after the
        // data (ConstraintReader), not the column's.
        boolean named = f.hasNotNullConstraints();
        String sql = Query.of(SQL)
                .slot("attgenerated", f.hasGeneratedColumns(), "a.attgenerated", "''::\"char\"")
                .slot("attnotnull", named, "a.attnotnull AND COALESCE(nn.convalidated, true)", "a.attnotnull")
                .slot("notnull_name", named,
                        "CASE WHEN nn.conname = c.relname || '_' || a.attname || '_not_null'"
                                + " AND (nd.description IS NULL OR NOT nn.convalidated) THEN '' ELSE nn.conname END",
                        "''::pg_catalog.name")
                .slot("notnull_noinherit", named, "COALESCE(nn.connoinherit, false)", "false")
                .slot("notnull_comment", named, "CASE WHEN nn.convalidated THEN nd.description END",
                        "NULL::pg_catalog.text")
                .slot("notnull_join", named,
                        "LEFT JOIN pg_catalog.pg_constraint nn ON nn.conrelid = a.attrelid AND nn.contype = 'n'"
                                + " AND nn.conkey[1] = a.attnum"
                                + " LEFT JOIN pg_catalog.pg_description nd ON nd.objoid = nn.oid AND nd.objsubid = 0"
                                + " AND nd.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass", "")
                .sql();
        Map<Long, List<Column>> out = new LinkedHashMap<>();
        jdbc.query("columns", sql, rs -> {
            String collName = rs.getString("collname");
            long adoid = rs.getLong("adoid");
            Column col = new Column(rs.getInt("attnum"), rs.getString("attname"), rs.getString("typname"),
                    rs.getLong("atttypid"), rs.getBoolean("attnotnull"), rs.getString("notnull_name"),
                    rs.getString("adsrc"),
                    adoid == 0 ? null : new ObjectId(ObjectId.PG_ATTRDEF, adoid),
                    Jdbc.charOf(rs, "attidentity"), Jdbc.charOf(rs, "attgenerated"),
                    collName == null ? null : new QualifiedName(rs.getString("collschema"), collName),
                    Jdbc.textArray(rs, "attacl"), rs.getString("description"), rs.getBoolean("notnull_noinherit"),
                    rs.getString("notnull_comment"));
            out.computeIfAbsent(rs.getLong("attrelid"), k -> new ArrayList<>()).add(col);
            return col;
        }, relations);
        return out;
    }
}
