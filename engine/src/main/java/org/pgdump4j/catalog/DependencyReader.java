package org.pgdump4j.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pgdump4j.model.ObjectId;

/**
 * Reads pg_depend once, for every catalog class, and folds rows onto model objects: a view's ON SELECT rule onto
 * the view, a reference to a table's row type onto the table. Pin rows are not dependencies; an extension
 * member depends on its extension (pg_dump's checkExtensionMembership adds that edge). Operator class and family
 * members (pg_amop, pg_amproc rows) are no objects of their own: as in pg_dump's getDependencies, what they need
 * becomes a need of their family (not their tie to their own class or family, which would be a loop). Rows between objects
 * the dump does not know are kept: the sorter ignores them.
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
              FROM (SELECT classid, objid, refclassid, refobjid, deptype FROM pg_catalog.pg_depend
                    UNION ALL
                    SELECT 'pg_catalog.pg_opfamily'::pg_catalog.regclass, o.amopfamily, p.refclassid, p.refobjid,
                           p.deptype
                      FROM pg_catalog.pg_depend p JOIN pg_catalog.pg_amop o ON o.oid = p.objid
                     WHERE p.classid = 'pg_catalog.pg_amop'::pg_catalog.regclass AND p.deptype NOT IN ('p', 'e', 'i')
                       AND NOT (p.refclassid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass
                                AND p.refobjid = o.amopfamily)
                    UNION ALL
                    SELECT 'pg_catalog.pg_opfamily'::pg_catalog.regclass, o.amprocfamily, p.refclassid, p.refobjid,
                           p.deptype
                      FROM pg_catalog.pg_depend p JOIN pg_catalog.pg_amproc o ON o.oid = p.objid
                     WHERE p.classid = 'pg_catalog.pg_amproc'::pg_catalog.regclass AND p.deptype NOT IN ('p', 'e', 'i')
                       AND NOT (p.refclassid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass
                                AND p.refobjid = o.amprocfamily)) d
              LEFT JOIN pg_catalog.pg_rewrite r
                     ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND r.oid = d.objid
              LEFT JOIN pg_catalog.pg_type t
                     ON d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = d.refobjid
             WHERE d.deptype <> 'p' AND d.objid >= 16384
            """;

    private DependencyReader() {
    }

    static Map<ObjectId, Set<ObjectId>> read(Jdbc jdbc) {
        // A catalog of many tables has about a dozen rows per table: collect them in small lists (a hash set per
        // object cost five times the memory), and share one ObjectId per referenced object (every table names
        // its schema), so the map the whole dump holds stays small.
        Map<ObjectId, List<ObjectId>> out = new HashMap<>();
        Map<ObjectId, ObjectId> shared = new HashMap<>();
        jdbc.forEach("dependencies", SQL, rs -> {
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
