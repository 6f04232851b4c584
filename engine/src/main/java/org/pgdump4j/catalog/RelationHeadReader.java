package org.pgdump4j.catalog;

import java.util.List;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;

/**
 * Lists tables, views and sequences outside the system schemas (pg_dump's getTables, first half). Initial
 * privileges come by a join, as in pg_dump (one row at most per relation: pg_init_privs's key): a subquery per
 * relation scanned pg_init_privs once per row, 0.3-0.5 s of server time at 10,000 tables against 0.04 s.
 */
final class RelationHeadReader {
    private static final String SQL = """
            SELECT c.oid, c.relname, n.nspname, c.relkind, pg_catalog.pg_get_userbyid(c.relowner) AS owner,
                   c.relacl::pg_catalog.text[] AS acl,
                   pg_catalog.acldefault(CASE WHEN c.relkind = 'S' THEN 's'::"char" ELSE 'r'::"char" END,
                                         c.relowner)::pg_catalog.text[] AS defacl,
                   pip.initprivs::pg_catalog.text[] AS initprivs,
                   c.relpersistence, COALESCE(ts.spcname, '') AS tablespace, %s AS amname,
                   c.reloptions::pg_catalog.text[] AS reloptions, c.relforcerowsecurity,
                   GREATEST(c.relpages, 0)::pg_catalog.int8
                     * pg_catalog.current_setting('block_size')::pg_catalog.int8 AS relbytes
              FROM pg_catalog.pg_class c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = c.reltablespace
              LEFT JOIN pg_catalog.pg_init_privs pip ON pip.objoid = c.oid
                   AND pip.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND pip.objsubid = 0
              %s
             WHERE c.relkind IN ('r', 'S', 'v', 'm', 'f', 'p')
               AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
             ORDER BY c.oid
            """;

    private RelationHeadReader() {
    }

    static List<RelationHead> read(Jdbc jdbc, ServerFeatures features) {
        String sql = features.hasTableAccessMethods()
                ? SQL.formatted("am.amname", "LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam")
                : SQL.formatted("NULL::pg_catalog.name", "");
        return jdbc.query("tables", sql, rs -> {
            List<String> baseline = Jdbc.baseline(rs);
            List<String> options = Jdbc.textArray(rs, "reloptions");
            return new RelationHead(rs.getLong("oid"),
                    new QualifiedName(rs.getString("nspname"), rs.getString("relname")),
                    Jdbc.charOf(rs, "relkind"),
                    new Ownership(rs.getString("owner"), Jdbc.textArray(rs, "acl"), baseline),
                    Jdbc.charOf(rs, "relpersistence"),
                    rs.getString("tablespace"),
                    rs.getString("amname"),
                    options == null ? List.of() : options,
                    rs.getBoolean("relforcerowsecurity"),
                    rs.getLong("relbytes"));
        });
    }
}
