package org.pgdump4j.object.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.CatalogReadException;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.statistics.StatisticsObject;

/**
 * pg_dump's getExtendedStatistics: every statistics object, dumped (selectDumpableStatisticsObject) when its schema's
 * contents are and its table's definition is. The definitions (pg_get_statisticsobjdef) are read afterwards, for the
 * dumped objects only, their tables being locked. The target is smoothed: before 13 there is none, 13..16 store -1
 * for the default, 17+ NULL; the record holds null for the default.
 */
public final class StatisticsReader implements FamilyReader {
    private static final String SQL = """
            SELECT s.tableoid, s.oid, s.stxname, s.stxnamespace, n.nspname, s.stxrelid,
                   pg_catalog.pg_get_userbyid(s.stxowner) AS owner, {target} AS stxstattarget, d.description
              FROM pg_catalog.pg_statistic_ext s
              JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = s.oid AND d.classoid = s.tableoid AND d.objsubid = 0
             ORDER BY s.oid
            """;

    private static final String DEFINITIONS = """
            SELECT s.oid, pg_catalog.pg_get_statisticsobjdef(s.oid) AS def
              FROM pg_catalog.pg_statistic_ext s WHERE s.oid = ANY(?)
            """;

    @Override
    public List<StatisticsObject> read(ReadContext ctx) {
        String sql = Query.of(SQL)
                .slot("target", ctx.features().hasStatisticsTarget(), "s.stxstattarget", "NULL::pg_catalog.int4")
                .sql();
        List<StatisticsObject> listed = ctx.jdbc().query("statistics objects", sql, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            Components c = ctx.extensionOf(id) != null || ctx.relationDefined(rs.getLong("stxrelid"))
                    ? ctx.inSchema(rs.getLong("stxnamespace"), id) : Components.NONE;
            Integer target = rs.getObject("stxstattarget", Integer.class);
            return new StatisticsObject(id, rs.getString("nspname"), rs.getString("stxname"), rs.getString("owner"),
                    "", target == null || target < 0 ? null : target, rs.getString("description"), c);
        });
        List<Long> dumped = listed.stream().filter(s -> s.components().has(Components.DEFINITION))
                .map(s -> s.id().oid()).toList();
        if (dumped.isEmpty()) {
            return listed;
        }
        Map<Long, String> defs = new HashMap<>();
        ctx.jdbc().forEach("statistics object definitions", DEFINITIONS,
                rs -> defs.put(rs.getLong("oid"), rs.getString("def")), Jdbc.oids(dumped));
        List<StatisticsObject> out = new ArrayList<>(listed.size());
        for (StatisticsObject s : listed) {
            if (!s.components().has(Components.DEFINITION)) {
                out.add(s);
                continue;
            }
            String def = defs.get(s.id().oid());
            if (def == null) {
                throw new CatalogReadException("statistics object \"" + s.schema() + "." + s.name()
                        + "\" disappeared while it was being read");
            }
            out.add( new StatisticsObject(s.id(), s.schema(), s.name(), s.owner(), def, s.target(),
                    s.comment(), s.components()));
        }
        return out;
    }
}
