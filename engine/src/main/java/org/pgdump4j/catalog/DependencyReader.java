package org.pgdump4j.catalog;

import org.pgdump4j.model.Dependencies;
import org.pgdump4j.model.ObjectId;

/**
 * Reads pg_depend once, for every catalog class, and folds rows onto model objects: a view's ON SELECT rule onto
 * the view (other rules are objects of their own); a reference to a table's row type onto the table, to an array
 * type onto its element type, to a multirange onto its range (pg_dump's DUMMY_TYPEs, which are no sort items here); and a composite type's pg_class
 * row (relkind 'c') onto the type, on both sides: its attributes' types become the type's dependencies, as pg_dump
 * gets by reversing that internal dependency. Pin rows are not dependencies; an extension member depends on its
 * extension (pg_dump's checkExtensionMembership adds that edge). Operator class and family members (pg_amop,
 * pg_amproc rows) are no objects of their own: as in pg_dump's getDependencies, what they need becomes a need of
 * their family (not their tie to their own family, which would be a loop). Rows between objects the dump does not
 * know are kept: the sorter ignores them.
 */
final class DependencyReader {
    private static final long PG_TYPE = 1247;

    private static final String SQL = """
            SELECT CASE WHEN r.rulename = '_RETURN'
                        THEN 'pg_catalog.pg_class'::pg_catalog.regclass::pg_catalog.oid ELSE d.classid END AS classid,
                   CASE WHEN r.rulename = '_RETURN' THEN r.ev_class ELSE d.objid END AS objid,
                   d.refclassid, d.refobjid
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
             WHERE d.deptype <> 'p' AND d.objid >= 16384
            """;

    /**
     * The referenced types that stand for another object: arrays (their element), multiranges (their range), table
     * row types (their table). Only types something refers to, not by an internal dependency (an array's on its
     * element, a row type's on its table: their dependents are no sort items), so a catalog of many tables reads
     * few rows here.
     */
    private static final String TYPE_FOLDS = """
            SELECT t.oid, COALESCE(tc.oid, {range}, e.oid) AS target, tc.oid IS NOT NULL AS isrelation
              FROM (SELECT DISTINCT d.refobjid FROM pg_catalog.pg_depend d
                     WHERE d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.deptype NOT IN ('p', 'i')
                       AND d.objid >= 16384) ref
              JOIN pg_catalog.pg_type t ON t.oid = ref.refobjid
              LEFT JOIN pg_catalog.pg_type e ON t.typelem <> 0 AND e.oid = t.typelem AND e.typarray = t.oid
              {multirange}
              LEFT JOIN pg_catalog.pg_class tc
                     ON tc.oid = COALESCE(e.typrelid, t.typrelid) AND tc.relkind <> 'c'
             WHERE COALESCE(tc.oid, {range}, e.oid) IS NOT NULL
            """;

    private static final String COMPOSITES = """
            SELECT c.oid, c.reltype FROM pg_catalog.pg_class c WHERE c.relkind = 'c'
            """;

    private DependencyReader() {
    }

    static Dependencies read(Jdbc jdbc, ServerFeatures features) {
        Dependencies.Builder graph = new Dependencies.Builder();
        jdbc.forEach("composite types' relations", COMPOSITES, rs -> graph.fold(ObjectId.relation(rs.getLong(1)),
                new ObjectId(PG_TYPE, rs.getLong(2))));
        String typeFolds = Query.of(TYPE_FOLDS)
                .slot("range", features.hasMultiranges(), "m.rngtypid", "NULL::pg_catalog.oid")
                .slot("multirange", features.hasMultiranges(),
                        "LEFT JOIN pg_catalog.pg_range m ON m.rngmultitypid = COALESCE(e.oid, t.oid)", "")
                .sql();
        jdbc.forEach("type references", typeFolds, rs -> graph.fold(new ObjectId(PG_TYPE, rs.getLong(1)),
                rs.getBoolean(3) ? ObjectId.relation(rs.getLong(2)) : new ObjectId(PG_TYPE, rs.getLong(2))));
        // a catalog of many tables has about a dozen rows per table: straight into primitive arrays
        jdbc.forEach("dependencies", SQL, rs -> graph.add(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        return graph.build();
    }
}
