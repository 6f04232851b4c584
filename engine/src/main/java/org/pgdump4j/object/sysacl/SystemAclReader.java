package org.pgdump4j.object.sysacl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.sysacl.CatalogRelation;
import org.pgdump4j.model.sysacl.CatalogRelation.ColumnPrivileges;
import org.pgdump4j.model.sysacl.CatalogSchema;

/**
 * The privileges of pg_catalog itself and of its relations and their columns, as pg_dump's getNamespaces,
 * getTables and getAdditionalACLs read them for pg_catalog (its types' and functions' privileges are read by their
 * families). Only relations with an ACL, a column ACL or an initial column ACL are read: pg_dump writes nothing for
 * the others. Each object gets its ACL component from {@link ReadContext#catalogObject}.
 */
public final class SystemAclReader implements FamilyReader {
    private static final String SCHEMA = """
            SELECT n.oid, pg_catalog.pg_get_userbyid(n.nspowner) AS owner, n.nspacl::pg_catalog.text[] AS acl,
                   pg_catalog.acldefault('n', n.nspowner)::pg_catalog.text[] AS defacl,
                   (SELECT pip.initprivs::pg_catalog.text[] FROM pg_catalog.pg_init_privs pip
                     WHERE pip.objoid = n.oid AND pip.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                       AND pip.objsubid = 0) AS initprivs
              FROM pg_catalog.pg_namespace n
             WHERE n.oid = 'pg_catalog'::pg_catalog.regnamespace
            """;

    // getTables' relkinds; a composite type's row is never dumped, indexes and TOAST tables are not read
    private static final String RELATIONS = """
            SELECT c.oid, c.relname, c.relkind, pg_catalog.pg_get_userbyid(c.relowner) AS owner,
                   c.relacl::pg_catalog.text[] AS acl,
                   pg_catalog.acldefault(CASE WHEN c.relkind = 'S' THEN 's'::"char" ELSE 'r'::"char" END,
                                         c.relowner)::pg_catalog.text[] AS defacl,
                   (SELECT pip.initprivs::pg_catalog.text[] FROM pg_catalog.pg_init_privs pip
                     WHERE pip.objoid = c.oid AND pip.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                       AND pip.objsubid = 0) AS initprivs
              FROM pg_catalog.pg_class c
             WHERE c.relnamespace = 'pg_catalog'::pg_catalog.regnamespace
               AND c.relkind IN ('r', 'S', 'v', 'm', 'f', 'p')
               AND (c.relacl IS NOT NULL
                    OR EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                                WHERE a.attrelid = c.oid AND a.attacl IS NOT NULL)
                    OR EXISTS (SELECT 1 FROM pg_catalog.pg_init_privs pip
                                WHERE pip.objoid = c.oid AND pip.objsubid <> 0
                                  AND pip.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass))
             ORDER BY c.oid
            """;

    // dumpTable's getColumnACLs: system columns too, dropped ones not
    private static final String COLUMNS = """
            SELECT at.attrelid, at.attname, at.attacl::pg_catalog.text[] AS acl,
                   pip.initprivs::pg_catalog.text[] AS initprivs
              FROM pg_catalog.pg_attribute at
              LEFT JOIN pg_catalog.pg_init_privs pip ON at.attrelid = pip.objoid
                   AND pip.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND at.attnum = pip.objsubid
             WHERE at.attrelid = ANY(?) AND NOT at.attisdropped
               AND (at.attacl IS NOT NULL OR pip.initprivs IS NOT NULL)
             ORDER BY at.attrelid, at.attnum
            """;

    /** A pg_class row before its columns are read. */
    private record Head(long oid, String name, char relkind, Ownership ownership) {
    }

    @Override
    public List<FamilyObject> read(ReadContext ctx) {
        Jdbc jdbc = ctx.jdbc();
        List<FamilyObject> out = new ArrayList<>();
        out.addAll(jdbc.query("pg_catalog's privileges", SCHEMA, rs -> {
            ObjectId id = new ObjectId(ObjectId.PG_NAMESPACE, rs.getLong("oid"));
            Ownership own = ownership(rs.getString("owner"), Jdbc.textArray(rs, "acl"),
                    Jdbc.textArray(rs, "initprivs"), Jdbc.textArray(rs, "defacl"));
            return new CatalogSchema(id, own, ctx.catalogObject(id, own.changed()));
        }));
        List<Head> heads = jdbc.query("pg_catalog relations' privileges", RELATIONS, rs -> new Head(
                rs.getLong("oid"), rs.getString("relname"), Jdbc.charOf(rs, "relkind"),
                ownership(rs.getString("owner"), Jdbc.textArray(rs, "acl"), Jdbc.textArray(rs, "initprivs"),
                        Jdbc.textArray(rs, "defacl"))));
        Map<Long, List<ColumnPrivileges>> columns = new HashMap<>();
        if (!heads.isEmpty()) {
            jdbc.forEach("pg_catalog columns' privileges", COLUMNS, rs -> {
                List<String> initprivs = Jdbc.textArray(rs, "initprivs");
                Ownership col = ownership("", Jdbc.textArray(rs, "acl"), initprivs, List.of());
                columns.computeIfAbsent(rs.getLong("attrelid"), k -> new ArrayList<>())
                        .add(new ColumnPrivileges(rs.getString("attname"), col.acl(), col.baseline()));
            }, Jdbc.oids(heads.stream().map(Head::oid).toList()));
        }
        for (Head h : heads) {
            ObjectId id = ObjectId.relation(h.oid());
            List<ColumnPrivileges> cols = columns.getOrDefault(h.oid(), List.of());
            out.add(new CatalogRelation(id, h.name(), h.relkind(), h.ownership(), cols,
                    ctx.catalogObject(id, CatalogRelation.privilegesChanged(h.ownership(), cols))));
        }
        return out;
    }

    /**
     * pg_dump's dumpACL: the baseline is the initial privileges when recorded, else the default; with initial
     * privileges recorded, a NULL ACL stands for the default (a column's ACL goes NULL when its last grant is revoked).
     */
    static Ownership ownership(String owner, @Nullable List<String> acl, @Nullable List<String> initprivs,
            List<String> defacl) {
        if (initprivs != null) {
            return new Ownership(owner, acl == null ? defacl : acl, initprivs);
        }
        return new Ownership(owner, acl, defacl);
    }
}
