package org.pgdump4j.object.transform;

import java.util.List;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.transform.Transform;
import org.pgdump4j.object.cast.RoutineRefs;

/** pg_dump's getTransforms: every transform, with its functions' signatures and its comment. */
public final class TransformReader implements FamilyReader {
    private static final String SQL = """
            SELECT t.tableoid, t.oid, ty.typname || ' ' || l.lanname AS sortname,
                   pg_catalog.format_type(t.trftype, NULL) AS type, l.lanname, d.description,
            %s,
            %s
              FROM pg_catalog.pg_transform t
              JOIN pg_catalog.pg_type ty ON ty.oid = t.trftype
              JOIN pg_catalog.pg_language l ON l.oid = t.trflang
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = t.oid AND d.classoid = t.tableoid AND d.objsubid = 0
             ORDER BY t.trftype, t.trflang
            """.formatted(RoutineRefs.columns("fromsql", "NULLIF(t.trffromsql, 0)"),
            RoutineRefs.columns("tosql", "NULLIF(t.trftosql, 0)"));

    @Override
    public List<Transform> read(ReadContext ctx) {
        return ctx.jdbc().query("transforms", SQL, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            return new Transform(id, rs.getString("sortname"), rs.getString("type"), rs.getString("lanname"),
                    RoutineRefs.read(rs, "fromsql"), RoutineRefs.read(rs, "tosql"), rs.getString("description"),
                    ctx.outsideSchema(id));
        });
    }
}
