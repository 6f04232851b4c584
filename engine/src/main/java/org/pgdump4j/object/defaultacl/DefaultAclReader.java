package org.pgdump4j.object.defaultacl;

import java.util.List;
import java.util.Objects;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.defaultacl.DefaultAcl;

/**
 * pg_dump's getDefaultACLs: every pg_default_acl row. A per-schema entry is dumped with its schema's contents,
 * a global one only in a full dump (selectDumpableDefaultACL); default ACLs are never extension members.
 */
public final class DefaultAclReader implements FamilyReader {
    // acldefault() takes 's' for sequences where pg_default_acl says 'S'
    private static final String SQL = """
            SELECT d.tableoid, d.oid, pg_catalog.pg_get_userbyid(d.defaclrole) AS role, d.defaclnamespace,
                   n.nspname, d.defaclobjtype, d.defaclacl::pg_catalog.text[] AS acl,
                   CASE WHEN d.defaclnamespace = 0
                        THEN pg_catalog.acldefault(CASE WHEN d.defaclobjtype = 'S' THEN 's'::pg_catalog."char"
                                                        ELSE d.defaclobjtype END, d.defaclrole)
                        ELSE '{}' END::pg_catalog.text[] AS defacl
              FROM pg_catalog.pg_default_acl d
              LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
             ORDER BY d.oid
            """;

    @Override
    public List<DefaultAcl> read(ReadContext ctx) {
        return ctx.jdbc().query("default privileges", SQL, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            long nsp = rs.getLong("defaclnamespace");
            Components components = nsp == 0 ? (ctx.includeEverything() ? Components.ALL : Components.NONE)
                    : ctx.inSchema(nsp, id);
            return new DefaultAcl(id, rs.getString("role"), nsp == 0 ? null : rs.getString("nspname"),
                    Jdbc.charOf(rs, "defaclobjtype"), Objects.requireNonNull(Jdbc.textArray(rs, "acl")),
                    Objects.requireNonNull(Jdbc.textArray(rs, "defacl")), components);
        });
    }
}
