package org.pgdump4j.catalog.coverage;

import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.catalog.ServerFeatures;

/**
 * The kinds of objects pg_dump 18 dumps that pgdump4j does not dump yet, one constant each. A probe's query lists
 * the source's objects of its kind as pg_dump would find them (system schemas and extension members left out)
 * with the columns {@code kind, what, scope, nsp, rel}; the scope letter says which filter (see {@link CoverageGuard}) decides whether
 * pg_dump would dump the row. When a kind becomes covered, its constant goes.
 */
enum Probe {

    // Relations and what hangs off them: dumped with their table.
    RELATION_KINDS(Needs.DEFINITIONS, f -> """
            SELECT 'RELATION OF KIND ' || c.relkind::pg_catalog.text AS kind, %s AS what, 'n' AS scope,
                   c.relnamespace AS nsp, c.oid AS rel
              FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE %s AND %s AND c.relkind NOT IN ('r', 'p', 'v', 'm', 'f', 'S', 'i', 'I', 't', 'c')
            """.formatted(ident("pg_class", "c.oid"), userSchema("n"), notMember("pg_class", "c.oid"))),
    // tables' and materialized views' TOAST options are written; another kind's would be new
    TOAST_OPTIONS(Needs.DEFINITIONS, f -> onTable("TABLE FEATURE TOAST OPTIONS",
            "c.relkind NOT IN ('r', 'm') AND EXISTS (SELECT 1 FROM pg_catalog.pg_class tc WHERE tc.oid = c.reltoastrelid"
                    + " AND tc.reloptions IS NOT NULL)",
            ident("pg_class", "c.oid"))),
    // a constraint type newer than this code: p, u, x come with indexes, c, f and n are read, t is a trigger
    CONSTRAINT_TYPES(Needs.DEFINITIONS, f -> """
            SELECT 'CONSTRAINT OF TYPE ' || k.contype::pg_catalog.text AS kind, %s AS what, 'r' AS scope,
                   NULL::pg_catalog.oid AS nsp, k.conrelid AS rel
              FROM pg_catalog.pg_constraint k
             WHERE k.conrelid <> 0 AND k.contype NOT IN ('p', 'u', 'x', 'c', 'f', 'n', 't')
            """.formatted(ident("pg_constraint", "k.oid")));

    /** What part of the dump a probe's objects would appear in. */
    enum Needs implements Predicate<DumpScope> {
        DEFINITIONS,
        PRIVILEGES;

        @Override
        public boolean test(DumpScope c) {
            return this == DEFINITIONS ? c.definitions() : c.definitions() && c.privileges();
        }
    }

    private final Predicate<DumpScope> needs;
    private final Function<ServerFeatures, @Nullable String> sql;

    Probe(Predicate<DumpScope> needs, Function<ServerFeatures, @Nullable String> sql) {
        this.needs = needs;
        this.sql = sql;
    }

    boolean applies(DumpScope scope) {
        return needs.test(scope);
    }

    /** The probe's query for this server, or null when the server cannot have such objects. */
    @Nullable String sql(ServerFeatures f) {
        return sql.apply(f);
    }

    private static String ident(String catalog, String oid) {
        return "(pg_catalog.pg_identify_object('pg_catalog." + catalog + "'::pg_catalog.regclass, " + oid
                + ", 0)).identity";
    }

    /** pg_dump's rule: pg_catalog, pg_toast, pg_temp_N and information_schema are never dumped. */
    private static String userSchema(String alias) {
        return alias + ".nspname <> 'information_schema' AND " + alias + ".nspname !~ '^pg_'";
    }

    private static String notMember(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog." + catalog
                + "'::pg_catalog.regclass AND e.objid = " + oid + " AND e.deptype = 'e')";
    }

    private static String onTable(String kind, String condition, String what) {
        return """
                SELECT '%s' AS kind, %s AS what, 'r' AS scope, c.relnamespace AS nsp, c.oid AS rel
                  FROM pg_catalog.pg_class c WHERE %s
                """.formatted(kind, what, condition);
    }
}
