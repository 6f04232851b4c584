package org.pgdump4j.object.largeobject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.largeobject.LargeObject;
import org.pgdump4j.model.largeobject.LargeObjectGroup;

/**
 * pg_dump's getLOs: reads pg_largeobject_metadata in pg_dump 17's order (owner, ACL text, OID), so that objects
 * sharing owner and privileges are neighbours, and groups neighbours into at most
 * {@link #GROUP_SIZE} per BLOB METADATA entry.
 */
public final class LargeObjectReader {
    /** pg_dump's MAX_BLOBS_PER_ARCHIVE_ENTRY. */
    static final int GROUP_SIZE = 1000;

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

    /** Every large object, grouped; all of each group is dumped (metadata, comments, privileges and contents). */
    public static List<LargeObjectGroup> read(Jdbc jdbc) {
        return groups(jdbc.query("large objects", SQL, rs -> new LargeObject(rs.getLong("oid"),
                new Ownership(rs.getString("owner"), Jdbc.textArray(rs, "acl"),
                        Objects.requireNonNull(Jdbc.textArray(rs, "defacl"))),
                rs.getString("description"))));
    }

    /** Neighbours with equal owner and ACL form one group of at most {@link #GROUP_SIZE}. */
    static List<LargeObjectGroup> groups(List<LargeObject> ordered) {
        List<LargeObjectGroup> groups = new ArrayList<>();
        List<LargeObject> current = new ArrayList<>();
        for (LargeObject lo : ordered) {
            if (!current.isEmpty() && (current.size() == GROUP_SIZE
                    || !current.get(0).ownership().owner().equals(lo.ownership().owner())
                    || !Objects.equals(current.get(0).ownership().acl(), lo.ownership().acl()))) {
                groups.add(new LargeObjectGroup(current, Components.ALL));
                current.clear();
            }
            current.add(lo);
        }
        if (!current.isEmpty()) {
            groups.add(new LargeObjectGroup(current, Components.ALL));
        }
        return groups;
    }
}
