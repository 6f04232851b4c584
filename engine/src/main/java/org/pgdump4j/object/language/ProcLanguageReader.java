package org.pgdump4j.object.language;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.language.ProcLanguage;
import org.pgdump4j.sql.Sql;

/**
 * pg_dump's getProcLangs: every procedural language (initdb's plpgsql too: its changed privileges are dumped).
 * Whether the handler functions are dumped decides the CREATE statement's form, so each is read with what
 * pg_dump's getFuncs would know of it: a function in pg_catalog is only known when a user cast or transform uses it
 * or its privileges changed, and then only its privileges are dumped.
 */
public final class ProcLanguageReader implements FamilyReader {
    private static final long PG_PROC = 1255;

    private static final String SQL = """
            SELECT l.tableoid, l.oid, l.lanname, l.lanpltrusted, pg_catalog.pg_get_userbyid(l.lanowner) AS owner,
                   l.lanacl::pg_catalog.text[] AS acl,
                   pg_catalog.acldefault('l', l.lanowner)::pg_catalog.text[] AS defacl,
                   (SELECT pip.initprivs::pg_catalog.text[] FROM pg_catalog.pg_init_privs pip
                     WHERE pip.objoid = l.oid AND pip.classoid = l.tableoid AND pip.objsubid = 0) AS initprivs,
                   d.description,
                   %s,
                   %s,
                   %s
              FROM pg_catalog.pg_language l
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = l.oid AND d.classoid = l.tableoid AND d.objsubid = 0
             WHERE l.lanispl
             ORDER BY l.oid
            """.formatted(function("handler", "l.lanplcallfoid"), function("inline", "l.laninline"),
            function("validator", "l.lanvalidator"));

    /** The function's OID (0 for none), schema OID and name, and whether pg_dump's getFuncs lists it. */
    private static String function(String prefix, String oidExpr) {
        return """
                %1$s AS %2$s_oid,
                (SELECT p.pronamespace FROM pg_catalog.pg_proc p WHERE p.oid = %1$s) AS %2$s_nspoid,
                (SELECT n.nspname FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                  WHERE p.oid = %1$s) AS %2$s_nsp,
                (SELECT p.proname FROM pg_catalog.pg_proc p WHERE p.oid = %1$s) AS %2$s_name,
                EXISTS (SELECT 1 FROM pg_catalog.pg_proc p
                         WHERE p.oid = %1$s
                           AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i
                                            WHERE i.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                              AND i.objid = p.oid AND i.deptype = 'i')
                           AND (p.pronamespace <> 'pg_catalog'::pg_catalog.regnamespace
                                OR EXISTS (SELECT 1 FROM pg_catalog.pg_cast c
                                            WHERE c.oid >= 16384 AND c.castfunc = p.oid)
                                OR EXISTS (SELECT 1 FROM pg_catalog.pg_transform t
                                            WHERE t.oid >= 16384 AND p.oid IN (t.trffromsql, t.trftosql))
                                OR p.proacl IS DISTINCT FROM
                                   (SELECT pip.initprivs FROM pg_catalog.pg_init_privs pip
                                     WHERE pip.objoid = p.oid AND pip.objsubid = 0
                                       AND pip.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass))) AS %2$s_known"""
                .formatted(oidExpr, prefix);
    }

    @Override
    public List<ProcLanguage> read(ReadContext ctx) {
        return ctx.jdbc().query("procedural languages", SQL, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            Components components = languageComponents(ctx, id);
            boolean trusted = rs.getBoolean("lanpltrusted");
            // pg_dump writes the handlers out only when it dumps all of them (a function not dumped counts as
            // unknown); else the parameterless form
            String handler = dumped(ctx, rs, "handler");
            boolean hasInline = rs.getLong("inline_oid") != 0;
            boolean hasValidator = rs.getLong("validator_oid") != 0;
            String inline = hasInline ? dumped(ctx, rs, "inline") : null;
            String validator = hasValidator ? dumped(ctx, rs, "validator") : null;
            ProcLanguage.Handlers handlers = handler != null && (!hasInline || inline != null)
                    && (!hasValidator || validator != null)
                    ? new ProcLanguage.Handlers(handler, inline, validator) : null;
            return new ProcLanguage(id, rs.getString("lanname"), trusted, handlers,
                    new Ownership(rs.getString("owner"), Jdbc.textArray(rs, "acl"), Jdbc.baseline(rs)),
                    rs.getString("description"), components);
        });
    }

    /** pg_dump's selectDumpableProcLang: initdb's languages only have their privileges dumped, in a full dump. */
    private static Components languageComponents(ReadContext ctx, ObjectId id) {
        if (ctx.extensionOf(id) == null && id.oid() < ReadContext.FIRST_NORMAL_OID) {
            return ctx.includeEverything() ? new Components(Components.ACL) : Components.NONE;
        }
        return ctx.outsideSchema(id);
    }

    /** The function's qualified name when pg_dump would dump it in some form, else null. */
    private static @Nullable String dumped(ReadContext ctx, ResultSet rs, String prefix) throws SQLException {
        if (!rs.getBoolean(prefix + "_known")) {
            return null;
        }
        ObjectId fn = new ObjectId(PG_PROC, rs.getLong(prefix + "_oid"));
        if (ctx.inSchema(rs.getLong(prefix + "_nspoid"), fn).isEmpty()) {
            return null;
        }
        return Sql.qualified(rs.getString(prefix + "_nsp"), rs.getString(prefix + "_name"));
    }
}
