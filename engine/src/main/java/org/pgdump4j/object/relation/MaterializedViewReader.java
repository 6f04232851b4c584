package org.pgdump4j.object.relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pgdump4j.catalog.ExtensionMarks;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.RelationHead;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.relation.MaterializedView;
import org.pgdump4j.model.relation.TableFeatures;

/**
 * Reads materialized views: their definition, whether they are populated, and the materialized views each reads
 * through its query, directly or through views (pg_dump's buildMatViewRefreshDependencies): a REFRESH waits for
 * theirs, and one that reads an unpopulated materialized view is not refreshed. Each carries the extensions it is
 * marked to depend on ({@link ExtensionMarks}: pg_dump's per-object lookup, in its order).
 */
final class MaterializedViewReader {
    /** The materialized views each one reads, following views and materialized views through their rules. */
    private static final String READS = """
            WITH RECURSIVE w AS (
                SELECT c1.oid AS objid, d2.refobjid, c2.relkind AS refrelkind
                  FROM pg_catalog.pg_class c1
                  JOIN pg_catalog.pg_rewrite r1 ON r1.ev_class = c1.oid
                  JOIN pg_catalog.pg_depend d2 ON d2.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
                       AND d2.objid = r1.oid AND d2.refobjid <> c1.oid
                  JOIN pg_catalog.pg_class c2 ON c2.oid = d2.refobjid AND c2.relkind IN ('m', 'v')
                 WHERE c1.oid = ANY(?)
                UNION
                SELECT w.objid, d3.refobjid, c3.relkind
                  FROM w
                  JOIN pg_catalog.pg_rewrite r3 ON r3.ev_class = w.refobjid
                  JOIN pg_catalog.pg_depend d3 ON d3.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
                       AND d3.objid = r3.oid AND d3.refobjid <> w.refobjid
                  JOIN pg_catalog.pg_class c3 ON c3.oid = d3.refobjid AND c3.relkind IN ('m', 'v')
            )
            SELECT w.objid, w.refobjid, rc.relispopulated
              FROM w JOIN pg_catalog.pg_class rc ON rc.oid = w.refobjid
             WHERE w.refrelkind = 'm'
             ORDER BY w.objid, w.refobjid
            """;

    private static final String VIEWS = """
            SELECT c.oid, pg_catalog.pg_get_viewdef(c.oid) AS viewdef, c.relispopulated
              FROM pg_catalog.pg_class c WHERE c.oid = ANY(?) ORDER BY c.oid
            """;

    private MaterializedViewReader() {
    }

    static List<MaterializedView> read(Jdbc jdbc, Map<Long, RelationHead> byOid, long[] oids,
            Map<Long, List<Column>> columns, Map<Long, String> comments, Map<Long, TableFeatures> features,
            Function<ObjectId, Components> components) {
        if (oids.length == 0) {
            return List.of();
        }
        // pg_class holds indexes' marks too: only materialized views' are looked up by OID here
        Map<Long, List<String>> extensions = ExtensionMarks.readRelations(jdbc, "'m'");
        Map<Long, List<ObjectId>> reads = new HashMap<>();
        Map<Long, Boolean> readsUnpopulated = new HashMap<>();
        jdbc.query("materialized view dependencies", READS, rs -> {
            long oid = rs.getLong("objid");
            reads.computeIfAbsent(oid, k -> new ArrayList<>()).add(ObjectId.relation(rs.getLong("refobjid")));
            if (!rs.getBoolean("relispopulated")) {
                readsUnpopulated.put(oid, true);
            }
            return oid;
        }, oids);
        return jdbc.query("materialized views", VIEWS, rs -> {
            long oid = rs.getLong("oid");
            RelationHead h = byOid.get(oid);
            String def = rs.getString("viewdef");
            if (def.endsWith(";")) {
                def = def.substring(0, def.length() - 1);
            }
            ObjectId id = ObjectId.relation(oid);
            return new MaterializedView(id, h.name(), h.ownership(), h.tablespace(), h.accessMethod(), h.options(),
                    def, columns.getOrDefault(oid, List.of()), comments.get(oid),
                    rs.getBoolean("relispopulated") && !readsUnpopulated.containsKey(oid),
                    reads.getOrDefault(oid, List.of()), features.getOrDefault(oid, TableFeatures.NONE),
                    extensions.getOrDefault(oid, List.of()), components.apply(id));
        }, oids);
    }
}
