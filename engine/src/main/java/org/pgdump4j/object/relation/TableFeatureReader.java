package org.pgdump4j.object.relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.relation.TableFeatures;
import org.pgdump4j.model.relation.TableFeatures.ColumnSettings;

/**
 * Reads what pg_dump's getTables and getTableAttrs find for the ALTER statements after a relation's CREATE: the
 * replica identity, the TOAST table's options and the columns' settings; and a foreign table's server and options
 * (dumpTableSchema's query). Only relations and columns that have
 * any are returned, so a catalog of plain tables costs two short scans.
 */
public final class TableFeatureReader {
    private static final String RELATIONS = """
            SELECT c.oid, c.relreplident, tc.reloptions::pg_catalog.text[] AS toast_reloptions, fs.srvname, ft.ftserver,
                   pg_catalog.array_to_string(ARRAY(
                       SELECT pg_catalog.quote_ident(o.option_name) || ' ' || pg_catalog.quote_literal(o.option_value)
                         FROM pg_catalog.pg_options_to_table(ft.ftoptions) o
                        ORDER BY o.option_name), E',\n    ') AS ftoptions
              FROM pg_catalog.pg_class c
              LEFT JOIN pg_catalog.pg_class tc ON tc.oid = c.reltoastrelid
              LEFT JOIN pg_catalog.pg_foreign_table ft ON ft.ftrelid = c.oid
              LEFT JOIN pg_catalog.pg_foreign_server fs ON fs.oid = ft.ftserver
             WHERE c.oid = ANY(?)
               AND (c.relreplident NOT IN ('d', 'i') OR tc.reloptions IS NOT NULL OR ft.ftrelid IS NOT NULL)
            """;

    private static final String COLUMNS = """
            SELECT a.attrelid, a.attname, COALESCE(a.attstattarget, -1) AS attstattarget,
                   a.attstorage, t.typstorage, {attcompression} AS attcompression,
                   COALESCE(pg_catalog.array_to_string(a.attoptions, ', '), '') AS attoptions,
                   pg_catalog.array_to_string(ARRAY(
                       SELECT pg_catalog.quote_ident(o.option_name) || ' ' || pg_catalog.quote_literal(o.option_value)
                         FROM pg_catalog.pg_options_to_table(a.attfdwoptions) o
                        ORDER BY o.option_name), E',\\n    ') AS attfdwoptions
              FROM pg_catalog.pg_attribute a
              JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
             WHERE a.attrelid = ANY(?) AND a.attnum > 0 AND NOT a.attisdropped
               AND (COALESCE(a.attstattarget, -1) >= 0 OR a.attstorage <> t.typstorage OR a.attoptions IS NOT NULL
                    OR a.attfdwoptions IS NOT NULL OR {attcompression} <> '')
             ORDER BY a.attrelid, a.attnum
            """;

    private TableFeatureReader() {
    }

    /**
     * The features of the given relations that have any; the others have {@link TableFeatures#NONE}.
     *
     * @param compression whether columns' compression methods are read (not --no-toast-compression)
     */
    public static Map<Long, TableFeatures> read(Jdbc jdbc, ServerFeatures f, boolean compression, long[] relations) {
        Map<Long, Character> identities = new HashMap<>();
        Map<Long, List<String>> toast = new HashMap<>();
        Map<Long, TableFeatures.ForeignTable> foreign = new HashMap<>();
        jdbc.query("replica identities and toast options", RELATIONS, rs -> {
            long oid = rs.getLong("oid");
            identities.put(oid, Jdbc.charOf(rs, "relreplident"));
            List<String> options = Jdbc.textArray(rs, "toast_reloptions");
            if (options != null) {
                toast.put(oid, options);
            }
            String server = rs.getString("srvname");
            if (server != null) {
                foreign.put(oid, new TableFeatures.ForeignTable(server, rs.getString("ftoptions"),
                        rs.getLong("ftserver")));
            }
            return oid;
        }, relations);
        Map<Long, List<ColumnSettings>> columns = new HashMap<>();
        String sql = Query.of(COLUMNS)
                .slot("attcompression", f.hasColumnCompression() && compression, "a.attcompression", "''::\"char\"")
                .sql();
        jdbc.query("column settings", sql, rs -> {
            char storage = Jdbc.charOf(rs, "attstorage");
            var c = new ColumnSettings(rs.getString("attname"), rs.getInt("attstattarget"),
                    storage == Jdbc.charOf(rs, "typstorage") ? '\0' : storage, Jdbc.charOf(rs, "attcompression"),
                    rs.getString("attoptions"), rs.getString("attfdwoptions"));
            columns.computeIfAbsent(rs.getLong("attrelid"), k -> new ArrayList<>()).add(c);
            return c;
        }, relations);
        Map<Long, TableFeatures> out = new HashMap<>();
        for (long oid : relations) {
            Character identity = identities.get(oid);
            List<ColumnSettings> cols = columns.get(oid);
            if (identity != null || cols != null) {
                out.put(oid, new TableFeatures(identity == null ? 'd' : identity, toast.getOrDefault(oid, List.of()),
                        cols == null ? List.of() : cols, foreign.get(oid)));
            }
        }
        return out;
    }
}
