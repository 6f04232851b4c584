package org.pgdump4j.catalog;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.pgdump4j.model.ObjectId;

/**
 * Reads pg_depend once and folds rows onto model objects: a view's ON SELECT rule onto the view, a reference
 * to a table's row type onto the table. Pin and extension-membership rows are not dependencies.
 */
final class DependencyReader {
    private static final String SQL = """
            SELECT CASE WHEN d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
                        THEN 'pg_catalog.pg_class'::pg_catalog.regclass::pg_catalog.oid ELSE d.classid END AS classid,
                   CASE WHEN d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
                        THEN r.ev_class ELSE d.objid END AS objid,
                   CASE WHEN t.typrelid <> 0
                        THEN 'pg_catalog.pg_class'::pg_catalog.regclass::pg_catalog.oid ELSE d.refclassid END AS refclassid,
                   CASE WHEN t.typrelid <> 0 THEN t.typrelid ELSE d.refobjid END AS refobjid
              FROM pg_catalog.pg_depend d
              LEFT JOIN pg_catalog.pg_rewrite r
                     ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND r.oid = d.objid
              LEFT JOIN pg_catalog.pg_type t
                     ON d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = d.refobjid
             WHERE d.deptype NOT IN ('p', 'e')
               AND d.classid IN ('pg_catalog.pg_class'::pg_catalog.regclass, 'pg_catalog.pg_constraint'::pg_catalog.regclass,
                                 'pg_catalog.pg_attrdef'::pg_catalog.regclass, 'pg_catalog.pg_rewrite'::pg_catalog.regclass)
               AND d.refclassid IN ('pg_catalog.pg_class'::pg_catalog.regclass, 'pg_catalog.pg_namespace'::pg_catalog.regclass,
                                    'pg_catalog.pg_constraint'::pg_catalog.regclass, 'pg_catalog.pg_attrdef'::pg_catalog.regclass,
                                    'pg_catalog.pg_type'::pg_catalog.regclass)
               AND d.objid >= 16384
            """;

    private DependencyReader() {
    }

    static Map<ObjectId, Set<ObjectId>> read(Jdbc jdbc) {
        Map<ObjectId, Set<ObjectId>> out = new HashMap<>();
        jdbc.query("dependencies", SQL, rs -> {
            ObjectId from = new ObjectId(rs.getLong("classid"), rs.getLong("objid"));
            ObjectId to = new ObjectId(rs.getLong("refclassid"), rs.getLong("refobjid"));
            if (!from.equals(to)) {
                out.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
            }
            return from;
        });
        Map<ObjectId, Set<ObjectId>> frozen = new HashMap<>();
        out.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return frozen;
    }
}
