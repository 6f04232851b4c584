package org.pgdump4j.catalog;

import java.util.List;
import java.util.Objects;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.Schema;

/** Reads pg_namespace, system schemas excluded. */
final class SchemaReader {
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

    static List<Schema> read(Jdbc jdbc) {
        return jdbc.query("schemas", SQL, rs -> {
            String name = rs.getString("nspname");
            List<String> initprivs = Jdbc.textArray(rs, "initprivs");
            List<String> baseline = initprivs != null ? initprivs : Objects.requireNonNull(Jdbc.textArray(rs, "defacl"));
            String comment = rs.getString("description");
            // public exists in every database: never re-created, and its initdb comment is not news.
            boolean isPublic = name.equals("public");
            if (isPublic && "standard public schema".equals(comment)) {
                comment = null;
            }
            return new Schema(new ObjectId(ObjectId.PG_NAMESPACE, rs.getLong("oid")), name,
                    new Ownership(rs.getString("owner"), Jdbc.textArray(rs, "acl"), baseline), comment, !isPublic);
        });
    }
}
