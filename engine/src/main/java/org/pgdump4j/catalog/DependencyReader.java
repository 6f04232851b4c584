package org.pgdump4j.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pgdump4j.model.ObjectId;

/**
 * Reads pg_depend once, for every catalog class, and folds rows onto model objects: a view's ON SELECT rule onto
 * the view; a reference to a table's row type onto the table; a reference to an array type onto its element type,
 * to a multirange onto its range (pg_dump's DUMMY_TYPEs, which are no sort items here); and a composite type's
 * pg_class row (relkind 'c') onto the type, on both sides: its attributes' types become the type's dependencies,
 * as pg_dump gets by reversing that internal dependency. Pin rows are not dependencies; an extension member
 * depends on its extension (pg_dump's checkExtensionMembership adds that edge). Rows between objects the dump does
 * not know are kept: the sorter ignores them.
 */
final class DependencyReader {
    private static final String SQL = """
            SELECT CASE WHEN d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
                        THEN 'pg_catalog.pg_class'::pg_catalog.regclass::pg_catalog.oid
                        WHEN oc.oid IS NOT NULL THEN 'pg_catalog.pg_type'::pg_catalog.regclass::pg_catalog.oid
                        ELSE d.classid END AS classid,
                   CASE WHEN d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass THEN r.ev_class
                        WHEN oc.oid IS NOT NULL THEN oc.reltype ELSE d.objid END AS objid,
                   CASE WHEN rc.oid IS NOT NULL OR (t.oid IS NOT NULL AND tc.oid IS NULL)
                        THEN 'pg_catalog.pg_type'::pg_catalog.regclass::pg_catalog.oid
                        WHEN tc.oid IS NOT NULL THEN 'pg_catalog.pg_class'::pg_catalog.regclass::pg_catalog.oid
                        ELSE d.refclassid END AS refclassid,
                   CASE WHEN rc.oid IS NOT NULL THEN rc.reltype
                        WHEN tc.oid IS NOT NULL THEN tc.oid
                        WHEN t.oid IS NOT NULL THEN COALESCE({range}, e.oid, t.oid)
                        ELSE d.refobjid END AS refobjid
              FROM pg_catalog.pg_depend d
              LEFT JOIN pg_catalog.pg_rewrite r
                     ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND r.oid = d.objid
              LEFT JOIN pg_catalog.pg_class oc
                     ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND oc.oid = d.objid
                        AND oc.relkind = 'c'
              LEFT JOIN pg_catalog.pg_class rc
                     ON d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND rc.oid = d.refobjid
                        AND rc.relkind = 'c'
              LEFT JOIN pg_catalog.pg_type t
                     ON d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = d.refobjid
              LEFT JOIN pg_catalog.pg_type e ON t.typelem <> 0 AND e.oid = t.typelem AND e.typarray = t.oid
              {multirange}
              LEFT JOIN pg_catalog.pg_class tc
                     ON tc.oid = CASE WHEN e.oid IS NOT NULL THEN e.typrelid ELSE t.typrelid END
                        AND tc.relkind <> 'c'
             WHERE d.deptype <> 'p' AND d.objid >= 16384
            """;

    private DependencyReader() {
    }

    static Map<ObjectId, Set<ObjectId>> read(Jdbc jdbc, ServerFeatures features) {
        String sql = Query.of(SQL)
                .slot("range", features.hasMultiranges(), "m.rngtypid", "NULL::pg_catalog.oid")
                .slot("multirange", features.hasMultiranges(),
                        "LEFT JOIN pg_catalog.pg_range m ON m.rngmultitypid = COALESCE(e.oid, t.oid)", "")
                .sql();
        // A catalog of many tables has about a dozen rows per table: collect them in small lists (a hash set per
        // object cost five times the memory), and share one ObjectId per referenced object (every table names
        // its schema), so the map the whole dump holds stays small.
        Map<ObjectId, List<ObjectId>> out = new HashMap<>();
        Map<ObjectId, ObjectId> shared = new HashMap<>();
        jdbc.forEach("dependencies", sql, rs -> {
            ObjectId from = new ObjectId(rs.getLong(1), rs.getLong(2));
            ObjectId to = new ObjectId(rs.getLong(3), rs.getLong(4));
            if (!from.equals(to)) {
                out.computeIfAbsent(from, k -> new ArrayList<>(4)).add(shared.computeIfAbsent(to, k -> k));
            }
        });
        Map<ObjectId, Set<ObjectId>> frozen = new HashMap<>(out.size() * 4 / 3 + 1);
        out.forEach((k, v) -> frozen.put(shared.getOrDefault(k, k), Set.copyOf(v)));
        return frozen;
    }
}
