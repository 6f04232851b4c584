package org.pgdump4j.object.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.catalog.ExtensionMarks;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.RelationHead;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.relation.Constraint;
import org.pgdump4j.model.index.Index;
import org.pgdump4j.model.ObjectId;

/**
 * Reads indexes of locked tables; an index that implements a constraint becomes that constraint, whose text is
 * pg_get_constraintdef's, so pg_get_indexdef runs only for the others (a fifth of the query's server time on a
 * catalog of many primary keys). A partitioned table's index is dumped even when invalid (an index created ON ONLY
 * the parent and not yet attached on every partition), as pg_dump's getIndexes does. An index marked to depend on
 * extensions (pg_depend deptype 'x') carries their names ({@link ExtensionMarks}).
 */
public final class IndexReader {
    private static final String SQL = """
            SELECT i.indexrelid, i.indrelid, ic.relname AS indexname,
                   CASE WHEN con.oid IS NULL THEN pg_catalog.pg_get_indexdef(i.indexrelid) END AS indexdef,
                   i.indisclustered, i.indisreplident, {statistics} AS statistics,
                   COALESCE(ts.spcname, '') AS tablespace,
                   con.oid AS conoid, con.conname, con.contype,
                   pg_catalog.pg_get_constraintdef(con.oid, false) AS condef,
                   di.description AS indexcomment, dc.description AS concomment, t.relkind,
                   EXISTS (SELECT 1 FROM pg_catalog.pg_inherits inh WHERE inh.inhrelid = i.indexrelid) AS attached
              FROM pg_catalog.pg_index i
              JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
              LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = ic.reltablespace
              LEFT JOIN pg_catalog.pg_constraint con ON con.conrelid = i.indrelid AND con.conindid = i.indexrelid
                   AND con.contype IN ('p', 'u', 'x')
              LEFT JOIN pg_catalog.pg_description di ON di.objoid = i.indexrelid AND di.objsubid = 0
                   AND di.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
              LEFT JOIN pg_catalog.pg_description dc ON dc.objoid = con.oid AND dc.objsubid = 0
                   AND dc.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
              JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
             WHERE i.indrelid = ANY(?) AND (i.indisvalid OR t.relkind = 'p') AND i.indisready
             ORDER BY i.indrelid, ic.relname
            """;

    /** pg_dump's indstatcols/indstatvals, as "column:target" items (a NULL target, 17+, is the default). */
    private static final String STATISTICS = """
            (SELECT pg_catalog.array_agg(a.attnum || ':' || a.attstattarget ORDER BY a.attnum)
                       FROM pg_catalog.pg_attribute a
                      WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0)::pg_catalog.text[]""";

    private IndexReader() {
    }

    /** @param heads the tables by OID, whose names and owners the records carry */
    public static void read(Jdbc jdbc, ServerFeatures f, Map<Long, RelationHead> heads, long[] tables,
            List<Index> indexes, List<Constraint> constraints) {
        read(jdbc, f, heads, tables, extensionMarks(jdbc), indexes, constraints);
    }

    /** The indexes' extension marks, by index OID: read once for several {@link #read}s. */
    public static Map<Long, List<String>> extensionMarks(Jdbc jdbc) {
        // pg_class holds other relations' marks too (materialized views'): only indexes' are looked up by OID here
        return ExtensionMarks.readRelations(jdbc, "'i', 'I'");
    }

    /** The same with the extension marks read beforehand ({@link #extensionMarks}). */
    public static void read(Jdbc jdbc, ServerFeatures f, Map<Long, RelationHead> heads, long[] tables,
            Map<Long, List<String>> extensions, List<Index> indexes, List<Constraint> constraints) {
        // before 11 an index column has no statistics target to set
        String sql = Query.of(SQL).slot("statistics", f.hasIndexColumnStatistics(), STATISTICS,
                "NULL::pg_catalog.text[]").sql();
        jdbc.query("indexes", sql, rs -> {
            RelationHead h = heads.get(rs.getLong("indrelid"));
            ObjectId table = ObjectId.relation(h.oid());
            ObjectId index = ObjectId.relation(rs.getLong("indexrelid"));
            long conoid = rs.getLong("conoid");
            if (conoid != 0) {
                constraints.add(new Constraint(new ObjectId(ObjectId.PG_CONSTRAINT, conoid), table, h.name(),
                        h.ownership().owner(), rs.getString("conname"), rs.getString("contype").charAt(0), rs.getString("condef"), true,
                        index, rs.getString("tablespace"), rs.getBoolean("indisclustered"),
                        rs.getString("concomment"), Components.ALL, Jdbc.charOf(rs, "relkind") == 'p',
                        rs.getBoolean("indisreplident"), null, false,
                        extensions.getOrDefault(index.oid(), List.of())));
            } else {
                indexes.add(new Index(index, table, h.name(), h.ownership().owner(), rs.getString("indexname"),
                        rs.getString("indexdef"), rs.getString("tablespace"), rs.getBoolean("indisclustered"),
                        rs.getString("indexcomment"), Components.ALL, rs.getBoolean("attached"),
                        statistics(Jdbc.textArray(rs, "statistics")), rs.getBoolean("indisreplident"),
                        extensions.getOrDefault(index.oid(), List.of())));
            }
            return index;
        }, tables);
    }

    private static List<Index.StatisticsTarget> statistics(@Nullable List<String> items) {
        if (items == null) {
            return List.of();
        }
        List<Index.StatisticsTarget> out = new ArrayList<>(items.size());
        for (String item : items) {
            int colon = item.indexOf(':');
            out.add(new Index.StatisticsTarget(Integer.parseInt(item.substring(0, colon)),
                    Integer.parseInt(item.substring(colon + 1))));
        }
        return out;
    }
}
