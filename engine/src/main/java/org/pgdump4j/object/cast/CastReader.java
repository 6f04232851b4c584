package org.pgdump4j.object.cast;

import java.util.List;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.cast.Cast;

/**
 * pg_dump's getCasts: every cast (initdb's too, not dumped, for the sort), except from 14 the casts between a
 * range type and its multirange, which belong to the range type.
 */
public final class CastReader implements FamilyReader {
    private static final String SQL = """
            SELECT c.tableoid, c.oid, c.castmethod, c.castcontext,
                   st.typname || ' ' || tt.typname AS sortname,
                   pg_catalog.format_type(c.castsource, NULL) AS source,
                   pg_catalog.format_type(c.casttarget, NULL) AS target,
                   d.description,
                   {func}
              FROM pg_catalog.pg_cast c
              JOIN pg_catalog.pg_type st ON st.oid = c.castsource
              JOIN pg_catalog.pg_type tt ON tt.oid = c.casttarget
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.classoid = c.tableoid AND d.objsubid = 0
             WHERE {multirange}
             ORDER BY c.castsource, c.casttarget
            """;

    @Override
    public List<Cast> read(ReadContext ctx) {
        String sql = Query.of(SQL)
                .slot("func", RoutineRefs.columns("func", "NULLIF(c.castfunc, 0)"))
                .slot("multirange", ctx.features().hasMultiranges(), """
                        NOT EXISTS (SELECT 1 FROM pg_catalog.pg_range r
                                     WHERE c.castsource = r.rngtypid AND c.casttarget = r.rngmultitypid)""", "true")
                .sql();
        return ctx.jdbc().query("casts", sql, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            return new Cast(id, rs.getString("sortname"), rs.getString("source"), rs.getString("target"),
                    Jdbc.charOf(rs, "castmethod"), Jdbc.charOf(rs, "castcontext"), RoutineRefs.read(rs, "func"),
                    rs.getString("description"), ctx.outsideSchema(id));
        });
    }
}
