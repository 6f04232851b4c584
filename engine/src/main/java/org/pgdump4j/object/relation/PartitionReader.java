package org.pgdump4j.object.relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.index.IndexAttach;
import org.pgdump4j.model.relation.Lineage;
import org.pgdump4j.model.relation.TableAttach;

/**
 * pg_dump's reads of partitions, inheritance and typed tables for locked tables (getInherits, flagInhTables,
 * flagInhAttrs, reloftype): partition keys (dumpTableSchema's pg_get_partkeydef), partitions'
 * parents and bounds (getInherits, dumpTableAttach) and partitions' indexes attached to their parents' indexes
 * (getIndexes' parentidx, flagInhIndexes). Partitions exist from server 10, partitioned indexes from 11: before,
 * pg_inherits holds no index, and the same queries find none.
 */
public final class PartitionReader {
    // a partition's ancestors, its root (the topmost) and whether one is hash-partitioned on an enum column
    private static final String TREES = """
            SELECT c.oid, c.relispartition,
                   CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partkey,
                   CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS bound,
                   i.inhparent, p.relname AS parentname, pn.nspname AS parentschema,
                   rc.relname AS rootname, rn.nspname AS rootschema, up.unsafe,
                   CASE WHEN c.reloftype <> 0 THEN pg_catalog.format_type(c.reloftype, NULL) END AS oftype,
                   ARRAY(SELECT ppn.nspname FROM pg_catalog.pg_inherits pi
                           JOIN pg_catalog.pg_class pp ON pp.oid = pi.inhparent
                           JOIN pg_catalog.pg_namespace ppn ON ppn.oid = pp.relnamespace
                          WHERE pi.inhrelid = c.oid AND NOT c.relispartition ORDER BY pi.inhseqno) AS parentschemas,
                   ARRAY(SELECT pp.relname FROM pg_catalog.pg_inherits pi
                           JOIN pg_catalog.pg_class pp ON pp.oid = pi.inhparent
                          WHERE pi.inhrelid = c.oid AND NOT c.relispartition ORDER BY pi.inhseqno) AS parentnames
              FROM pg_catalog.pg_class c
              LEFT JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.oid AND c.relispartition
              LEFT JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
              LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
              LEFT JOIN LATERAL (
                   WITH RECURSIVE a(oid, lvl) AS (
                        SELECT c.oid, 0
                        UNION ALL
                        SELECT h.inhparent, a.lvl + 1 FROM a JOIN pg_catalog.pg_inherits h ON h.inhrelid = a.oid)
                   SELECT (SELECT a.oid FROM a ORDER BY a.lvl DESC LIMIT 1) AS root,
                          EXISTS (SELECT 1 FROM a JOIN pg_catalog.pg_partitioned_table pt ON pt.partrelid = a.oid
                                   WHERE a.lvl > 0 AND {enum_hash}) AS unsafe) up ON c.relispartition
              LEFT JOIN pg_catalog.pg_class rc ON rc.oid = up.root
              LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
             WHERE c.oid = ANY(?) AND (c.relkind = 'p' OR c.relispartition OR c.reloftype <> 0
                   OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits ci WHERE ci.inhrelid = c.oid))
             ORDER BY c.oid
            """;
    // an inheritance child's or partition's columns as flagInhAttrs sees them: local or not, NOT NULL inherited,
    // a parent's default the child lacks (pg_dump then writes DEFAULT NULL)
    private static final String COLUMNS = """
            SELECT a.attrelid, a.attname, a.attislocal, {nn_inherited} AS nninherited,
                   ad.oid IS NULL AND EXISTS (
                       SELECT 1 FROM pg_catalog.pg_inherits i
                         JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
                              AND NOT pa.attisdropped
                         JOIN pg_catalog.pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum
                        WHERE i.inhrelid = a.attrelid AND {parent_not_generated}
                          AND pg_catalog.pg_get_expr(pd.adbin, pd.adrelid) <> 'NULL') AS nulldefault,
                   {inherited_generation} AS inheritedgeneration
              FROM pg_catalog.pg_attribute a
              LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
             WHERE a.attrelid = ANY(?) AND a.attnum > 0 AND NOT a.attisdropped
            """;
    private static final String INDEXES = """
            SELECT i.inhrelid, ic.relname, n.nspname, x.indrelid, i.inhparent, pc.relname AS parentname,
                   pn.nspname AS parentschema, px.indrelid AS parenttable,
                   pg_catalog.pg_get_userbyid(pt.relowner) AS parentowner
              FROM pg_catalog.pg_inherits i
              JOIN pg_catalog.pg_index x ON x.indexrelid = i.inhrelid
              JOIN pg_catalog.pg_class ic ON ic.oid = i.inhrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
              JOIN pg_catalog.pg_index px ON px.indexrelid = i.inhparent
              JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
              JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
              JOIN pg_catalog.pg_class pt ON pt.oid = px.indrelid
             WHERE x.indrelid = ANY(?)
             ORDER BY i.inhrelid
            """;

    private PartitionReader() {
    }

    /** The tables' places in their partition trees, and the attachments of the partitions among them. */
    public record Trees(Map<Long, Lineage> lineage, List<TableAttach> attachments) {
        public Lineage of(long table) {
            return lineage.getOrDefault(table, Lineage.NONE);
        }
    }

    /**
     * @param names  the tables' names by OID
     * @param owners the tables' owners by OID
     */
    public static Trees trees(Jdbc jdbc, ServerFeatures f, long[] tables, Map<Long, QualifiedName> names,
            Map<Long, String> owners) {
        // pg_dump's getPartitioningInfo: hash partitioning on an enum column makes a tree unsafe to load directly
        String sql = Query.of(TREES).slot("enum_hash", f.hasHashPartitioning(), """
                (SELECT oc.oid FROM pg_catalog.pg_opclass oc JOIN pg_catalog.pg_am am ON am.oid = oc.opcmethod
                  WHERE oc.opcname = 'enum_ops' AND oc.opcnamespace = 'pg_catalog'::pg_catalog.regnamespace
                    AND am.amname = 'hash') = ANY(pt.partclass)""", "false").sql();
        Map<Long, Lineage> lineage = new HashMap<>();
        List<TableAttach> attachments = new ArrayList<>();
        Map<Long, List<QualifiedName>> parents = new HashMap<>();
        jdbc.forEach("partitions", sql, rs -> {
            long oid = rs.getLong("oid");
            boolean partition = rs.getBoolean("relispartition");
            String root = rs.getString("rootname");
            List<String> schemas = Jdbc.textArray(rs, "parentschemas");
            List<String> names2 = Jdbc.textArray(rs, "parentnames");
            List<QualifiedName> ps = new ArrayList<>();
            for (int i = 0; schemas != null && i < schemas.size(); i++) {
                ps.add(new QualifiedName(schemas.get(i), names2.get(i)));
            }
            if (!ps.isEmpty() || partition) {
                parents.put(oid, ps);
            }
            Lineage l = new Lineage(rs.getString("partkey"), partition,
                    root == null ? null : new QualifiedName(rs.getString("rootschema"), root),
                    rs.getBoolean("unsafe"), ps, Set.of(), Set.of(), Set.of(), Set.of(), rs.getString("oftype"));
            lineage.put(oid, l);
            if (partition) {
                attachments.add(new TableAttach(ObjectId.attach(oid), ObjectId.relation(oid), names.get(oid),
                        owners.get(oid), ObjectId.relation(rs.getLong("inhparent")),
                        new QualifiedName(rs.getString("parentschema"), rs.getString("parentname")),
                        rs.getString("bound"), Components.ALL));
            }
        }, tables);
        columns(jdbc, f, parents.keySet(), lineage);
        return new Trees(lineage, attachments);
    }

    /** The children's inherited columns, inherited NOT NULLs and DEFAULT NULLs, into their lineage. */
    private static void columns(Jdbc jdbc, ServerFeatures f, Set<Long> children, Map<Long, Lineage> lineage) {
        if (children.isEmpty()) {
            return;
        }
        // 18 says whether a NOT NULL constraint is local; before, pg_dump deems it inherited when a parent has one
        String sql = Query.of(COLUMNS)
                .slot("nn_inherited", f.hasNotNullConstraints(), """
                        a.attnotnull AND NOT COALESCE((SELECT nn.conislocal FROM pg_catalog.pg_constraint nn
                         WHERE nn.conrelid = a.attrelid AND nn.contype = 'n' AND nn.conkey[1] = a.attnum), true)""",
                        """
                        a.attnotnull AND EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i
                          JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
                               AND NOT pa.attisdropped
                         WHERE i.inhrelid = a.attrelid AND pa.attnotnull)""")
                .slot("parent_not_generated", f.hasGeneratedColumns(), "pa.attgenerated = ''", "true")
                // flagInhAttrs: a parent's generated column of the same expression, and none of another
                .slot("inherited_generation", f.hasGeneratedColumns(), """
                        a.attgenerated <> '' AND EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i
                          JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
                               AND pa.attgenerated <> ''
                         WHERE i.inhrelid = a.attrelid) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i
                          JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
                               AND pa.attgenerated <> ''
                          LEFT JOIN pg_catalog.pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum
                         WHERE i.inhrelid = a.attrelid AND pg_catalog.pg_get_expr(pd.adbin, pd.adrelid)
                               IS DISTINCT FROM pg_catalog.pg_get_expr(ad.adbin, ad.adrelid))""", "false")
                .sql();
        Map<Long, Set<String>> inherited = new HashMap<>();
        Map<Long, Set<String>> notNulls = new HashMap<>();
        Map<Long, Set<String>> nullDefaults = new HashMap<>();
        Map<Long, Set<String>> generations = new HashMap<>();
        jdbc.forEach("inherited columns", sql, rs -> {
            long rel = rs.getLong("attrelid");
            String name = rs.getString("attname");
            if (!rs.getBoolean("attislocal")) {
                inherited.computeIfAbsent(rel, k -> new HashSet<>()).add(name);
            }
            if (rs.getBoolean("nninherited")) {
                notNulls.computeIfAbsent(rel, k -> new HashSet<>()).add(name);
            }
            if (rs.getBoolean("nulldefault")) {
                nullDefaults.computeIfAbsent(rel, k -> new HashSet<>()).add(name);
            }
            if (rs.getBoolean("inheritedgeneration")) {
                generations.computeIfAbsent(rel, k -> new HashSet<>()).add(name);
            }
        }, children.stream().mapToLong(Long::longValue).toArray());
        for (long rel : children) {
            Lineage l = lineage.get(rel);
            lineage.put(rel, new Lineage(l.partitionKey(), l.partition(), l.root(), l.forcedRootLoad(), l.parents(),
                    inherited.getOrDefault(rel, Set.of()), notNulls.getOrDefault(rel, Set.of()),
                    nullDefaults.getOrDefault(rel, Set.of()), generations.getOrDefault(rel, Set.of()), l.ofType()));
        }
    }

    /**
     * The attachments of the given tables' indexes to their parents' indexes.
     *
     * @param dumped the indexes that are dumped (valid ones), themselves or as their constraints
     */
    public static List<IndexAttach> indexAttachments(Jdbc jdbc, long[] tables, Set<Long> dumped) {
        List<IndexAttach> out = new ArrayList<>();
        jdbc.forEach("index attachments", INDEXES, rs -> {
            long index = rs.getLong("inhrelid");
            if (dumped.contains(index)) {
                out.add(new IndexAttach(ObjectId.attach(index), ObjectId.relation(index),
                    new QualifiedName(rs.getString("nspname"), rs.getString("relname")),
                    ObjectId.relation(rs.getLong("indrelid")), ObjectId.relation(rs.getLong("inhparent")),
                    new QualifiedName(rs.getString("parentschema"), rs.getString("parentname")),
                    ObjectId.relation(rs.getLong("parenttable")), rs.getString("parentowner"), Components.ALL));
            }
        }, tables);
        return out;
    }
}
