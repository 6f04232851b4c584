package org.pgdump4j.catalog.coverage;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.pgdump4j.UnsupportedObjectsException;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.Selector;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.sql.Sql;

/**
 * The completeness guard: before anything is written, lists every object of the source that pg_dump 18 would
 * dump with these filters and options but pgdump4j cannot dump yet, and refuses the dump if there is one. A
 * catalog this code does not know that holds user objects (a newer server's new kind) is refused too.
 *
 * <p>A probe row's scope letter says which of pg_dump's selection rules applies: {@code r} the row belongs to
 * relation {@code rel} (dumped with it), {@code n} it lives in schema {@code nsp}, {@code g} it is outside
 * schemas (dumped only when nothing narrows the dump), {@code d} it is written with the DATABASE entries, {@code a}
 * it is always dumped.
 */
public final class CoverageGuard {
    /** pg_dump's FirstNormalObjectId: every object made after initdb has an OID at least this. */
    static final long FIRST_USER_OID = 16384;

    /**
     * The catalogs with an OID column that this code knows: each kind is dumped, probed above, part of another
     * object, or global (pg_dumpall's). Any other catalog holding user objects is a kind nobody knows yet.
     */
    static final Set<String> KNOWN_CATALOGS = Set.of(
            "pg_am", "pg_amop", "pg_amproc", "pg_attrdef", "pg_auth_members", "pg_authid", "pg_cast", "pg_class",
            "pg_collation", "pg_constraint", "pg_conversion", "pg_database", "pg_default_acl", "pg_enum",
            "pg_event_trigger", "pg_extension", "pg_foreign_data_wrapper", "pg_foreign_server", "pg_language",
            "pg_largeobject_metadata", "pg_namespace", "pg_opclass", "pg_operator", "pg_opfamily",
            "pg_parameter_acl", "pg_policy", "pg_proc", "pg_publication", "pg_publication_namespace",
            "pg_publication_rel", "pg_rewrite", "pg_statistic_ext", "pg_subscription", "pg_tablespace",
            "pg_transform", "pg_trigger", "pg_ts_config", "pg_ts_dict", "pg_ts_parser", "pg_ts_template",
            "pg_type", "pg_user_mapping");

    static final String CATALOGS_WITH_OIDS = """
            SELECT c.relname FROM pg_catalog.pg_class c
             WHERE c.relnamespace = 'pg_catalog'::pg_catalog.regnamespace AND c.relkind = 'r'
               AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'oid')
             ORDER BY c.relname
            """;

    private CoverageGuard() {
    }

    /** Throws {@link UnsupportedObjectsException} naming every object the dump would leave out. */
    public static void check(Connection conn, ServerFeatures f, Selector.Selection selection, DumpScope scope) {
        List<Gap> gaps = find(conn, f, selection, scope, KNOWN_CATALOGS);
        if (!gaps.isEmpty()) {
            throw new UnsupportedObjectsException(gaps);
        }
    }

    /** Every object pg_dump would dump in {@code scope} that pgdump4j cannot, sorted by kind and name. */
    static List<Gap> find(Connection conn, ServerFeatures f, Selector.Selection selection, DumpScope scope,
            Set<String> knownCatalogs) {
        Jdbc jdbc = new Jdbc(conn);
        List<Gap> gaps = new ArrayList<>();
        probe(jdbc, f, selection, scope, gaps);
        unknownCatalogs(jdbc, knownCatalogs, gaps);
        gaps.sort(Comparator.comparing(Gap::kind).thenComparing(Gap::object));
        return gaps;
    }

    private static void probe(Jdbc jdbc, ServerFeatures f, Selector.Selection selection, DumpScope scope,
            List<Gap> gaps) {
        StringJoiner union = new StringJoiner("UNION ALL\n");
        for (Probe p : Probe.values()) {
            String sql = p.applies(scope) ? p.sql(f) : null;
            if (sql != null) {
                union.add("(" + sql + ")\n");
            }
        }
        if (union.length() == 0) {
            return;
        }
        jdbc.forEach("the objects pgdump4j cannot dump", union.toString(), rs -> {
            long nsp = rs.getLong("nsp");
            boolean noNsp = rs.wasNull();
            long rel = rs.getLong("rel");
            boolean noRel = rs.wasNull();
            boolean dumped = switch (rs.getString("scope")) {
                case "r" -> !noRel && selection.relations().contains(rel);
                case "n" -> !noNsp && selection.schemas().contains(nsp);
                case "g" -> scope.everything();
                case "d" -> scope.databaseEntries();
                case "a" -> true;
                default -> throw new IllegalStateException("probe scope " + rs.getString("scope"));
            };
            if (dumped) {
                gaps.add(new Gap(rs.getString("kind"), rs.getString("what")));
            }
        });
    }

    private static void unknownCatalogs(Jdbc jdbc, Set<String> known, List<Gap> gaps) {
        List<String> unknown = new ArrayList<>();
        jdbc.forEach("system catalogs", CATALOGS_WITH_OIDS, rs -> {
            if (!known.contains(rs.getString(1))) {
                unknown.add(rs.getString(1));
            }
        });
        for (String catalog : unknown) {
            String sql = "SELECT o.oid FROM pg_catalog." + Sql.ident(catalog) + " o WHERE o.oid >= " + FIRST_USER_OID
                    + " ORDER BY o.oid";
            jdbc.forEach("pg_catalog." + catalog, sql,
                    rs -> gaps.add(new Gap("OBJECT OF UNKNOWN KIND IN pg_catalog." + catalog, "oid " + rs.getLong(1))));
        }
    }
}
