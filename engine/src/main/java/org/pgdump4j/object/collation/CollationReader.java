package org.pgdump4j.object.collation;

import java.util.List;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.collation.Collation;

/**
 * pg_dump's getCollations with dumpCollation's per-object query folded in: every collation (pg_catalog's too, they
 * keep their place in the sort), in one query. Version differences are smoothed in the mapper: before 12 every
 * collation is deterministic; an ICU collation's locale is colllocale (17+), colliculocale (15, 16) or, before
 * 15, collcollate (= collctype), so the record always has it in {@code locale}.
 */
public final class CollationReader implements FamilyReader {
    public static final long PG_COLLATION = 3456;

    private static final String SQL_TEXT = """
            SELECT c.oid, c.collname, c.collnamespace, n.nspname, pg_catalog.pg_get_userbyid(c.collowner) AS owner,
                   c.collencoding, c.collprovider, {deterministic} AS collisdeterministic,
                   {locale} AS colllocale, {rules} AS collicurules,
                   c.collcollate::pg_catalog.text AS collcollate, c.collctype::pg_catalog.text AS collctype,
                   d.description
              FROM pg_catalog.pg_collation c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0
                   AND d.classoid = 'pg_catalog.pg_collation'::pg_catalog.regclass
            """;

    @Override
    public List<Collation> read(ReadContext ctx) {
        ServerFeatures f = ctx.features();
        String sql = Query.of(SQL_TEXT)
                .slot("deterministic", f.hasNondeterministicCollations(), "c.collisdeterministic", "true")
                .slot("locale", f.hasCollLocale() ? "c.colllocale"
                        : f.hasCollIcuLocale() ? "c.colliculocale" : "NULL::pg_catalog.text")
                .slot("rules", f.hasCollIcuRules(), "c.collicurules", "NULL::pg_catalog.text")
                .sql();
        boolean icuLocaleApart = f.hasCollIcuLocale();
        return ctx.jdbc().query("collations", sql, rs -> {
            ObjectId id = new ObjectId(PG_COLLATION, rs.getLong("oid"));
            char provider = Jdbc.charOf(rs, "collprovider");
            String collate = rs.getString("collcollate");
            String ctype = rs.getString("collctype");
            String locale = rs.getString("colllocale");
            if (provider == 'i' && !icuLocaleApart) {
                // before 15 an ICU collation kept its locale in collcollate and collctype
                locale = collate;
                collate = null;
                ctype = null;
            }
            return new Collation(id, rs.getString("nspname"), rs.getString("collname"), rs.getString("owner"),
                    rs.getInt("collencoding"), provider, rs.getBoolean("collisdeterministic"), collate, ctype,
                    locale, rs.getString("collicurules"), rs.getString("description"),
                    ctx.inSchema(rs.getLong("collnamespace"), id));
        });
    }
}
