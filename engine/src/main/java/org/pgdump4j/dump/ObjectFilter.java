package org.pgdump4j.dump;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pgdump4j.CatalogReadException;
import org.pgdump4j.UnsupportedObjectsException;
import org.pgdump4j.UsageException;
import org.pgdump4j.catalog.RelationHead;
import org.pgdump4j.catalog.Selector;
import org.pgdump4j.catalog.coverage.Gap;
import org.pgdump4j.model.schema.Schema;
import org.pgdump4j.sql.NamePattern;
import org.pgdump4j.sql.SqlFragment;

/**
 * pg_dump's object selection ({@code -n/-N/-t/-T}, {@code --strict-names}): patterns are expanded server-side
 * into OIDs, then schemas and relations are chosen as selectDumpableNamespace/selectDumpableTable do, and the
 * relations whose rows are left out as makeTableDataInfo leaves them.
 */
final class ObjectFilter implements Selector {
    private static final String SCHEMA_SQL =
            "SELECT n.oid FROM pg_catalog.pg_namespace n WHERE ";
    private static final String EXTENSION_SQL =
            "SELECT e.oid FROM pg_catalog.pg_extension e WHERE ";
    private static final String SERVER_SQL =
            "SELECT s.oid FROM pg_catalog.pg_foreign_server s WHERE ";
    private static final String RELATION_SQL = """
            SELECT c.oid FROM pg_catalog.pg_class c
              LEFT JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
             WHERE c.relkind OPERATOR(pg_catalog.=) ANY (ARRAY['r', 'S', 'v', 'm', 'f', 'p'])
               AND\s""";

    // pg_dump's expand_table_name_patterns with_child_tables: the matches and every descendant through pg_inherits
    private static final String CHILDREN_SQL = """
            WITH RECURSIVE matches(relid) AS (%s),
            tree(relid) AS (
                SELECT relid FROM matches
                UNION ALL
                SELECT i.inhrelid FROM tree t JOIN pg_catalog.pg_inherits i ON t.relid OPERATOR(pg_catalog.=) i.inhparent)
            SELECT relid FROM tree""";

    // pg_toast holds nothing pg_dump reads; other sessions' temporary schemas are left alone
    private static final String SYSTEM_SCHEMAS_SQL = """
            SELECT n.nspname FROM pg_catalog.pg_namespace n
             WHERE n.oid = ANY(?) AND n.nspname IN ('pg_catalog', 'information_schema')
             ORDER BY n.nspname
            """;
    private static final String SYSTEM_RELATIONS_SQL = """
            SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
              FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE c.oid = ANY(?) AND (n.nspname ~ '^pg_' OR n.nspname = 'information_schema')
             ORDER BY 1
            """;

    private final ObjectSelection selection;
    private final String dbname;

    ObjectFilter(ObjectSelection selection, String dbname) {
        this.selection = selection;
        this.dbname = dbname;
    }

    @Override
    public Selection select(Connection conn, List<Schema> schemas, List<RelationHead> relations) {
        Set<Long> includeSchemas = expand(conn, selection.includeSchemas(), false, true, false);
        Set<Long> excludeSchemas = expand(conn, selection.excludeSchemas(), false, false, false);
        Set<Long> includeTables = expand(conn, selection.includeTables(), true, true, false);
        includeTables.addAll(expand(conn, selection.includeTablesAndChildren(), true, true, true));
        if (selection.namesTables() && includeTables.isEmpty()) {
            throw new UsageException("no matching tables were found");
        }
        Set<Long> excludeTables = expand(conn, selection.excludeTables(), true, false, false);
        excludeTables.addAll(expand(conn, selection.excludeTablesAndChildren(), true, false, true));
        Set<Long> excludeData = expand(conn, selection.excludeTableData(), true, false, false);
        excludeData.addAll(expand(conn, selection.excludeTableDataAndChildren(), true, false, true));
        Set<Long> foreignDataServers = foreignServers(conn, selection.includeForeignData());
        // pg_dump expands extension patterns after the table patterns; a pattern may not hold a dot
        Set<Long> includeExtensions = selection.includeExtensions().isEmpty() ? null
                : extensions(conn, selection.includeExtensions(), true);
        Set<Long> excludeExtensions = extensions(conn, selection.excludeExtensions(), false);

        boolean tablesOnly = selection.namesTables();
        refuseSystemContents(conn, tablesOnly ? Set.of() : minus(includeSchemas, excludeSchemas),
                tablesOnly ? minus(includeTables, excludeTables) : Set.of());
        Set<Long> dumpedSchemas = new HashSet<>();
        Map<String, Long> schemaOid = new HashMap<>();
        for (Schema s : schemas) {
            schemaOid.put(s.name(), s.id().oid());
            boolean dump = !tablesOnly
                    && (includeSchemas.isEmpty() && selection.includeSchemas().isEmpty()
                        || includeSchemas.contains(s.id().oid()))
                    && !excludeSchemas.contains(s.id().oid());
            if (dump) {
                dumpedSchemas.add(s.id().oid());
            }
        }
        Set<Long> dumpedRelations = new HashSet<>();
        for (RelationHead h : relations) {
            Long ns = schemaOid.get(h.name().schema());
            boolean dump = tablesOnly ? includeTables.contains(h.oid()) : ns != null && dumpedSchemas.contains(ns);
            if (dump && !excludeTables.contains(h.oid())) {
                dumpedRelations.add(h.oid());
            }
            // pg_dump's makeTableDataInfo skips an unlogged table's (or sequence's) rows on request
            if (selection.noUnloggedTableData() && h.persistence() == 'u') {
                excludeData.add(h.oid());
            }
        }
        return new Selection(dumpedSchemas, dumpedRelations, excludeSchemas, excludeTables, includeExtensions,
                excludeExtensions, !selection.includeSchemas().isEmpty() || tablesOnly, excludeData,
                foreignDataServers);
    }

    /**
     * pg_dump dumps whatever -n or -t names, system objects too: all of pg_catalog or information_schema (their
     * tables with their rows), or a system catalog named by -t ({@code -t pg_class} matches it, pg_catalog being
     * always visible). pgdump4j reads only user objects, so it refuses such a dump rather than leave them out.
     */
    private static void refuseSystemContents(Connection conn, Set<Long> schemas, Set<Long> relations) {
        if (schemas.isEmpty() && relations.isEmpty()) {
            return;
        }
        List<Gap> gaps = new ArrayList<>();
        try {
            gaps.addAll(names(conn, "SYSTEM SCHEMA", SYSTEM_SCHEMAS_SQL, schemas));
            gaps.addAll(names(conn, "SYSTEM RELATION", SYSTEM_RELATIONS_SQL, relations));
        } catch (SQLException e) {
            throw new CatalogReadException("could not look up the selected schemas and tables: " + e.getMessage(), e);
        }
        if (!gaps.isEmpty()) {
            throw new UnsupportedObjectsException(gaps);
        }
    }

    private static List<Gap> names(Connection conn, String kind, String sql, Set<Long> oids) throws SQLException {
        List<Gap> out = new ArrayList<>();
        if (oids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setArray(1, conn.createArrayOf("oid", oids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Gap(kind, rs.getString(1)));
                }
            }
        }
        return out;
    }

    private static Set<Long> minus(Set<Long> a, Set<Long> b) {
        Set<Long> out = new HashSet<>(a);
        out.removeAll(b);
        return out;
    }

    /**
     * OIDs matching any of the patterns; include lists enforce --strict-names, and for schemas the "no matching ..."
     * check (the caller checks tables, which two lists name).
     *
     * @param children whether a matched relation brings its partitions and inheritance children, recursively
     */
    private Set<Long> expand(Connection conn, List<String> patterns, boolean relations, boolean include,
            boolean children) {
        Set<Long> out = new HashSet<>();
        if (patterns.isEmpty()) {
            return out;
        }
        String what = relations ? "tables" : "schemas";
        try {
            if (relations) {
                exec(conn, "RESET search_path");
            }
            for (String p : patterns) {
                NamePattern np = relations ? NamePattern.relation(p) : NamePattern.schema(p);
                np.checkDatabase(dbname);
                SqlFragment cond = relations ? np.relationCondition() : np.nameCondition("n.nspname");
                String sql = (relations ? RELATION_SQL : SCHEMA_SQL) + cond.sql();
                Set<Long> found = query(conn, children ? CHILDREN_SQL.formatted(sql) : sql, cond.parameters());
                if (found.isEmpty() && include && selection.strictNames()) {
                    throw new UsageException("no matching " + what + " were found for pattern \"" + p + "\"");
                }
                out.addAll(found);
            }
            if (relations) {
                exec(conn, "SELECT pg_catalog.set_config('search_path', '', false)");
            }
        } catch (SQLException e) {
            throw new CatalogReadException("could not expand " + what + " patterns: " + e.getMessage(), e);
        }
        if (out.isEmpty() && include && !relations) {
            throw new UsageException("no matching " + what + " were found");
        }
        return out;
    }

    /** pg_dump's expand_extension_name_patterns: plain names, matched against pg_extension.extname. */
    private Set<Long> extensions(Connection conn, List<String> patterns, boolean include) {
        Set<Long> out = new HashSet<>();
        try {
            for (String p : patterns) {
                SqlFragment cond = NamePattern.parse(p, NamePattern.SIMPLE).nameCondition("e.extname");
                Set<Long> found = query(conn, EXTENSION_SQL + cond.sql(), cond.parameters());
                if (found.isEmpty() && include && selection.strictNames()) {
                    throw new UsageException("no matching extensions were found for pattern \"" + p + "\"");
                }
                out.addAll(found);
            }
        } catch (SQLException e) {
            throw new CatalogReadException("could not expand extension patterns: " + e.getMessage(), e);
        }
        if (out.isEmpty() && include) {
            throw new UsageException("no matching extensions were found");
        }
        return out;
    }

    /**
     * pg_dump's expand_foreign_server_name_patterns (after the table patterns, before the extension patterns): plain names matched against
     * pg_foreign_server.srvname, each of which must match, whatever --strict-names says.
     */
    private static Set<Long> foreignServers(Connection conn, List<String> patterns) {
        Set<Long> out = new HashSet<>();
        try {
            for (String p : patterns) {
                SqlFragment cond = NamePattern.parse(p, NamePattern.SIMPLE).nameCondition("s.srvname");
                Set<Long> found = query(conn, SERVER_SQL + cond.sql(), cond.parameters());
                if (found.isEmpty()) {
                    throw new UsageException("no matching foreign servers were found for pattern \"" + p + "\"");
                }
                out.addAll(found);
            }
        } catch (SQLException e) {
            throw new CatalogReadException("could not expand foreign server patterns: " + e.getMessage(), e);
        }
        return out;
    }

    private static Set<Long> query(Connection conn, String sql, List<String> params) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static void exec(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }
}
