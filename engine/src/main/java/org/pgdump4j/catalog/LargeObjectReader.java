package org.pgdump4j.catalog;

import java.util.List;
import java.util.Objects;
import org.pgdump4j.model.LargeObject;
import org.pgdump4j.model.Ownership;

/**
 * Reads pg_largeobject_metadata in pg_dump 17's order (owner, ACL text, OID), so that objects sharing owner and
 * privileges are neighbours and can share one BLOB METADATA entry.
 */
final class LargeObjectReader {
    private static final String SQL = """
            SELECT l.oid, pg_catalog.pg_get_userbyid(l.lomowner) AS owner, l.lomacl::pg_catalog.text[] AS acl,
                   pg_catalog.acldefault('L', l.lomowner)::pg_catalog.text[] AS defacl, d.description
              FROM pg_catalog.pg_largeobject_metadata l
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = l.oid AND d.objsubid = 0
                   AND d.classoid = 'pg_catalog.pg_largeobject'::pg_catalog.regclass
             ORDER BY l.lomowner, l.lomacl::pg_catalog.text, l.oid
            """;

    private LargeObjectReader() {
    }

    static List<LargeObject> read(Jdbc jdbc) {
        return jdbc.query("large objects", SQL, rs -> new LargeObject(rs.getLong("oid"),
                new Ownership(rs.getString("owner"), Jdbc.textArray(rs, "acl"),
                        Objects.requireNonNull(Jdbc.textArray(rs, "defacl"))),
                rs.getString("description")));
    }
}
