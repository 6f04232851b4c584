package org.pgdump4j.object.relstats;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.CatalogReadException;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.index.Index;
import org.pgdump4j.model.relation.Constraint;
import org.pgdump4j.model.relation.MaterializedView;
import org.pgdump4j.model.relation.Table;
import org.pgdump4j.model.relstats.AttributeStats;
import org.pgdump4j.model.relstats.RelStats;
import org.pgdump4j.model.relstats.StatColumn;

/**
 * pg_dump 18's getRelationStatistics and its attribute statistics query: the statistics of every dumped table and
 * of its indexes (a constraint's too), read set-based in batches of relations: one query for their pg_class
 * counters, one over pg_stats (its privilege and row-security filters apply, as for pg_dump). Values are read as
 * the server prints them under the dump's session settings (extra_float_digits 3), so the text is pg_dump's. Only
 * relations whose statistics component is set are read: an extension's member tables have none, though the indexes
 * of a configuration table whose rows are dumped are read (as pg_dump does).
 */
public final class RelStatsReader {
    /** Relations per query: bounded statements and result sets, whatever the number of tables. */
    static final int BATCH = 1000;

    private static final String COUNTERS = """
            SELECT c.oid, n.nspname, c.relname, c.relpages, c.reltuples::pg_catalog.text AS reltuples,
                   c.relallvisible, {relallfrozen} AS relallfrozen
              FROM pg_catalog.unnest(?::pg_catalog.oid[]) AS u(oid)
              JOIN pg_catalog.pg_class c ON c.oid = u.oid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            """;

    private static final String ATTRIBUTES = """
            SELECT c.oid, c.relkind, a.attnum, s.attname, s.inherited,
                   s.null_frac::pg_catalog.text AS null_frac, s.avg_width::pg_catalog.text AS avg_width,
                   s.n_distinct::pg_catalog.text AS n_distinct,
                   s.most_common_vals::pg_catalog.text AS most_common_vals,
                   s.most_common_freqs::pg_catalog.text AS most_common_freqs,
                   s.histogram_bounds::pg_catalog.text AS histogram_bounds,
                   s.correlation::pg_catalog.text AS correlation,
                   s.most_common_elems::pg_catalog.text AS most_common_elems,
                   s.most_common_elem_freqs::pg_catalog.text AS most_common_elem_freqs,
                   s.elem_count_histogram::pg_catalog.text AS elem_count_histogram,
                   {range_length} AS range_length_histogram, {range_empty} AS range_empty_frac,
                   {range_bounds} AS range_bounds_histogram
              FROM pg_catalog.unnest(?::pg_catalog.oid[]) AS u(oid)
              JOIN pg_catalog.pg_class c ON c.oid = u.oid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_catalog.pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname
              JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = s.attname
             ORDER BY c.oid, s.attname, s.inherited
            """;

    /**
     * The indexes of the ancestors (inheritance parents, partitioned tables) of the dumped tables that are not
     * dumped themselves: pg_dump reads the indexes of every "interesting" table, a dumped table's parents included,
     * and writes their statistics (getIndexes' validity test).
     */
    private static final String ANCESTOR_INDEXES = """
            WITH RECURSIVE ancestor(oid) AS (
                SELECT h.inhparent FROM pg_catalog.pg_inherits h WHERE h.inhrelid = ANY(?)
                UNION
                SELECT h.inhparent FROM pg_catalog.pg_inherits h JOIN ancestor a ON h.inhrelid = a.oid)
            SELECT x.indexrelid
              FROM ancestor a
              JOIN pg_catalog.pg_index x ON x.indrelid = a.oid
              JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
             WHERE a.oid <> ALL(?) AND (x.indisvalid OR t.relkind = 'p') AND x.indisready
             ORDER BY x.indexrelid
            """;

    /**
     * The indexes of the extension configuration tables whose rows are dumped: those rows make the table
     * "interesting" to pg_dump (makeTableDataInfo), so it reads the table's indexes and writes their statistics,
     * although CREATE EXTENSION makes the table and its indexes. The table's own statistics are not written: pg_dump
     * decides them before the rows (getTables).
     */
    private static final String CONFIG_TABLE_INDEXES = """
            SELECT x.indexrelid
              FROM pg_catalog.pg_index x
              JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
             WHERE x.indrelid = ANY(?) AND (x.indisvalid OR t.relkind = 'p') AND x.indisready
             ORDER BY x.indexrelid
            """;

    private RelStatsReader() {
    }

    /**
     * A relation whose statistics are dumped.
     *
     * @param oid      the table's or index's pg_class OID
     * @param relation what the entry depends on: the table, the index (a constraint's index stands for it)
     * @param postData an index's (post-data)
     */
    public record Target(long oid, ObjectId relation, boolean postData) {
    }

    /** The statistics of the dumped relations among {@code relations} (tables, indexes, constraints). */
    public static List<RelStats> read(Jdbc jdbc, ServerFeatures f, int sourceVersion, List<FamilyObject> relations) {
        List<Target> targets = targets(relations);
        long[] tables = relations.stream().filter(o -> o instanceof Table && (o.components().has(Components.DEFINITION)
                        || o.components().has(Components.DATA) || o.components().has(Components.STATISTICS)))
                .mapToLong(o -> o.id().oid()).toArray();
        if (tables.length > 0) {
            jdbc.forEach("indexes of the dumped tables' ancestors", ANCESTOR_INDEXES, rs -> {
                long oid = rs.getLong("indexrelid");
                targets.add(new Target(oid, ObjectId.relation(oid), true));
            }, tables, tables);
        }
        // an extension's member has no definition dumped: with rows, it is a configuration table
        long[] configTables = relations.stream().filter(o -> o instanceof Table && o.components().has(Components.DATA)
                && !o.components().has(Components.DEFINITION)).mapToLong(o -> o.id().oid()).toArray();
        if (configTables.length > 0) {
            jdbc.forEach("indexes of the extension configuration tables", CONFIG_TABLE_INDEXES, rs -> {
                long oid = rs.getLong("indexrelid");
                targets.add(new Target(oid, ObjectId.relation(oid), true));
            }, configTables);
        }
        return readTargets(jdbc, f, sourceVersion, targets);
    }

    /** Tables and indexes (a constraint's index too) whose statistics component is set, in catalog order. */
    static List<Target> targets(List<FamilyObject> relations) {
        List<Target> targets = new ArrayList<>();
        for (FamilyObject o : relations) {
            if (!o.components().has(Components.STATISTICS)) {
                continue;
            }
            if (o instanceof Table t) {
                targets.add(new Target(t.id().oid(), t.id(), false));
            } else if (o instanceof MaterializedView m) {
                // data, as a table's; the TOC assembler moves them after the REFRESH when data is dumped
                targets.add(new Target(m.id().oid(), m.id(), false));
            } else if (o instanceof Index i) {
                targets.add(new Target(i.id().oid(), i.id(), true));
            } else if (o instanceof Constraint k && k.index() != null) {
                targets.add(new Target(k.index().oid(), k.index(), true));
            }
        }
        return targets;
    }

    /** The statistics of {@code targets}, in their order, read {@link #BATCH} relations per query. */
    public static List<RelStats> readTargets(Jdbc jdbc, ServerFeatures f, int sourceVersion, List<Target> targets) {
        String counters = Query.of(COUNTERS)
                .slot("relallfrozen", f.hasRelallfrozen(), "c.relallfrozen", "NULL::pg_catalog.int4").sql();
        String attributes = Query.of(ATTRIBUTES)
                .slot("range_length", f.hasRangeStats(), "s.range_length_histogram::pg_catalog.text",
                        "NULL::pg_catalog.text")
                .slot("range_empty", f.hasRangeStats(), "s.range_empty_frac::pg_catalog.text", "NULL::pg_catalog.text")
                .slot("range_bounds", f.hasRangeStats(), "s.range_bounds_histogram::pg_catalog.text",
                        "NULL::pg_catalog.text")
                .sql();
        List<RelStats> out = new ArrayList<>(targets.size());
        for (int from = 0; from < targets.size(); from += BATCH) {
            List<Target> batch = targets.subList(from, Math.min(targets.size(), from + BATCH));
            long[] oids = batch.stream().mapToLong(Target::oid).toArray();
            Map<Long, RelStats.Counters> heads = new HashMap<>(batch.size() * 2);
            Map<Long, String[]> names = new HashMap<>(batch.size() * 2);
            jdbc.forEach("relation statistics", counters, rs -> {
                long oid = rs.getLong("oid");
                String reltuples = rs.getString("reltuples");
                if (!f.hasUnknownReltuples() && reltuples.equals("0")) {
                    reltuples = "-1"; // an old source's 0 may mean "never analyzed": pg_dump 18 writes -1
                }
                heads.put(oid, new RelStats.Counters(rs.getInt("relpages"), reltuples, rs.getInt("relallvisible"),
                        rs.getObject("relallfrozen", Integer.class)));
                names.put(oid, new String[] {rs.getString("nspname"), rs.getString("relname")});
            }, oids);
            Map<Long, List<AttributeStats>> rows = new HashMap<>();
            jdbc.forEach("attribute statistics", attributes, rs -> {
                boolean index = rs.getString("relkind").charAt(0) == 'i' || rs.getString("relkind").charAt(0) == 'I';
                Map<StatColumn, String> values = new EnumMap<>(StatColumn.class);
                for (StatColumn c : StatColumn.values()) {
                    String v = rs.getString(c.column());
                    if (v != null) {
                        values.put(c, v);
                    }
                }
                rows.computeIfAbsent(rs.getLong("oid"), k -> new ArrayList<>()).add(new AttributeStats(
                        index ? null : rs.getString("attname"), index ? rs.getInt("attnum") : 0,
                        rs.getBoolean("inherited"), values));
            }, oids);
            for (Target t : batch) {
                RelStats.Counters c = heads.get(t.oid());
                String[] name = names.get(t.oid());
                if (c == null) {
                    throw new CatalogReadException("relation with OID " + t.oid()
                            + " disappeared while its statistics were being read");
                }
                out.add(new RelStats(RelStats.idOf(t.oid()), t.relation(), name[0], name[1], t.postData(),
                        sourceVersion, c, rows.getOrDefault(t.oid(), List.of()), Components.ALL));
            }
        }
        return out;
    }
}
