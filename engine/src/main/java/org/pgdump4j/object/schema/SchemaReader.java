package org.pgdump4j.object.schema;

import java.util.List;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.schema.Schema;
import org.pgdump4j.sql.Sql;

/**
 * pg_dump's getNamespaces: reads pg_namespace, system schemas excluded. Read before anything else, as the
 * selection (-n/-N) matches their names; every schema comes back with all components, the caller narrows them.
 */
public final class SchemaReader {
    private static final String SQL = """
            SELECT n.oid, n.nspname, pg_catalog.pg_get_userbyid(n.nspowner) AS owner,
                   n.nspowner = 6171 AS db_owner_owned,
                   n.nspacl::pg_catalog.text[] AS acl,
                   pg_catalog.acldefault('n', n.nspowner)::pg_catalog.text[] AS defacl,
                   (SELECT pip.initprivs::pg_catalog.text[] FROM pg_catalog.pg_init_privs pip
                     WHERE pip.objoid = n.oid AND pip.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                       AND pip.objsubid = 0) AS initprivs,
                   d.description
              FROM pg_catalog.pg_namespace n
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = n.oid AND d.objsubid = 0
                   AND d.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
             WHERE n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
             ORDER BY n.oid
            """;

    private SchemaReader() {
    }

    /** The comment initdb gives public. */
    private static final String PUBLIC_COMMENT = "standard public schema";

    public static List<Schema> read(Jdbc jdbc) {
        return jdbc.query("schemas", SQL, rs -> {
            String name = rs.getString("nspname");
            String owner = rs.getString("owner");
            List<String> baseline = Jdbc.baseline(rs);
            String comment = rs.getString("description");
            boolean isPublic = name.equals("public");
            boolean definition = true;
            if (isPublic) {
                // public exists in every database. As pg_dump 15+: compare it with what a v15 initdb makes, so
                // its owner is news only when not pg_database_owner, its initdb comment is not news, and a
                // removed comment is replayed as ''.
                definition = !rs.getBoolean("db_owner_owned");
                // pg_dump tells public's comment by its quoted name: under --quote-all-identifiers ("public") the
                // comment is dumped as any schema's, initdb's included, and a removed one is not replayed
                if (Sql.ident(name).equals(name)) {
                    comment = comment == null ? "" : comment.equals(PUBLIC_COMMENT) ? null : comment;
                }
                // Its privileges are held against what initdb would have given its present owner, as pg_dump
                // does (pg_init_privs still names pg_database_owner after an ALTER SCHEMA public OWNER TO).
                String o = aclName(owner);
                baseline = List.of(o + "=UC/" + o, "=U/" + o);
            }
            return new Schema(new ObjectId(ObjectId.PG_NAMESPACE, rs.getLong("oid")), name,
                    new Ownership(owner, Jdbc.textArray(rs, "acl"), baseline), comment, !isPublic, definition,
                    Components.ALL);
        });
    }

    /** A role name as aclitem text writes it (double-quoted unless plain). */
    private static String aclName(String role) {
        if (role.matches("[A-Za-z0-9_]+")) {
            return role;
        }
        return '"' + role.replace("\"", "\"\"") + '"';
    }
}
