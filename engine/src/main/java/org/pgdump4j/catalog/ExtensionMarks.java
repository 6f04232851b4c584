package org.pgdump4j.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The extensions objects of one catalog are marked to depend on (pg_depend deptype 'x', ALTER ... DEPENDS ON
 * EXTENSION), as pg_dump's append_depends_on_extension finds them: its query per object has no ORDER BY, so the
 * order is the plan's (an index scan of pg_depend: insertion order on some servers, reversed on others). The same
 * query text is run here for each marked object, which gets the same order; marked objects are rare.
 */
public final class ExtensionMarks {
    private static final String MARKED = """
            SELECT DISTINCT objid FROM pg_catalog.pg_depend
             WHERE classid = '%s'::pg_catalog.regclass AND deptype = 'x'
               AND refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
            """;

    // pg_dump's text, the OID written in as a literal as pg_dump does
    private static final String NAMES = "SELECT e.extname "
            + "FROM pg_catalog.pg_depend d, pg_catalog.pg_extension e "
            + "WHERE d.refobjid = e.oid AND classid = '%s'::pg_catalog.regclass "
            + "AND objid = '%d'::pg_catalog.oid AND deptype = 'x' "
            + "AND refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass";

    // pg_class holds indexes and materialized views alike: each reader asks for its own kinds only
    private static final String MARKED_RELATIONS = MARKED
            + "   AND objid IN (SELECT c.oid FROM pg_catalog.pg_class c WHERE c.relkind IN (%s))\n";

    private ExtensionMarks() {
    }

    /**
     * @param catalog the objects' catalog, e.g. {@code pg_catalog.pg_trigger} (a constant, never user input)
     * @return the extensions' names by object OID, for the marked objects only
     */
    public static Map<Long, List<String>> read(Jdbc jdbc, String catalog) {
        return names(jdbc, catalog, MARKED.formatted(catalog));
    }

    /**
     * The same for the relations of {@code relkinds}, e.g. {@code 'i', 'I'} (a constant, never user input).
     */
    public static Map<Long, List<String>> readRelations(Jdbc jdbc, String relkinds) {
        return names(jdbc, "pg_catalog.pg_class", MARKED_RELATIONS.formatted("pg_catalog.pg_class", relkinds));
    }

    private static Map<Long, List<String>> names(Jdbc jdbc, String catalog, String markedSql) {
        Map<Long, List<String>> out = new HashMap<>();
        List<Long> marked = jdbc.query("objects depending on extensions", markedSql, rs -> rs.getLong(1));
        for (long oid : marked) {
            List<String> names = new ArrayList<>(jdbc.query("extensions an object depends on",
                    NAMES.formatted(catalog, oid), rs -> rs.getString(1)));
            out.put(oid, List.copyOf(names));
        }
        return out;
    }
}
