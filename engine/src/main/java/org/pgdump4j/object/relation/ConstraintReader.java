package org.pgdump4j.object.relation;

import java.util.List;
import java.util.Map;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.RelationHead;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.relation.Constraint;
import org.pgdump4j.model.ObjectId;

/**
 * Reads CHECK, FOREIGN KEY and (18) NOT VALID NOT NULL constraints of locked tables (index-backed ones come from IndexReader). A partition
 * is created standalone before its ATTACH PARTITION, which wants the parent's CHECK constraints already there: its
 * inherited ones are read too (pg_dump's dumpTableSchema prints them for partitions only).
 */
public final class ConstraintReader {
    private static final String SQL = """
            SELECT con.oid, con.conrelid, con.confrelid, con.conname, con.contype, con.convalidated, c.relkind,
                   pg_catalog.pg_get_constraintdef(con.oid) AS condef, d.description
              FROM pg_catalog.pg_constraint con
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = con.oid AND d.objsubid = 0
                   AND d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
              JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
             WHERE con.conrelid = ANY(?) AND (con.contype IN ('c', 'f') %s)
               AND (con.conislocal OR (con.contype = 'c' AND c.relispartition)) %s
             ORDER BY con.conrelid, con.conname
            """;

    private ConstraintReader() {
    }

    /** @param heads the tables by OID, whose names and owners the records carry */
    public static List<Constraint> read(Jdbc jdbc, ServerFeatures f, Map<Long, RelationHead> heads, long[] tables) {
        // Foreign keys cloned onto partitions are recreated by the parent's constraint.
        // 18's NOT VALID NOT NULL constraints are written on their own too (a valid one is its column's).
        String sql = SQL.formatted(
                f.hasNotNullConstraints() ? "OR (con.contype = 'n' AND NOT con.convalidated)" : "",
                f.hasConstraintParent() ? "AND (con.contype <> 'f' OR con.conparentid = 0)" : "");
        return jdbc.query("constraints", sql, rs -> {
            RelationHead h = heads.get(rs.getLong("conrelid"));
            return new Constraint(new ObjectId(ObjectId.PG_CONSTRAINT, rs.getLong("oid")), ObjectId.relation(h.oid()),
                    h.name(), h.ownership().owner(), rs.getString("conname"), rs.getString("contype").charAt(0),
                    rs.getString("condef"), rs.getBoolean("convalidated"), null, null, false,
                    rs.getString("description"), Components.ALL, Jdbc.charOf(rs, "relkind") == 'p', false,
                    rs.getLong("confrelid") == 0 ? null : ObjectId.relation(rs.getLong("confrelid")),
                    Jdbc.charOf(rs, "relkind") == 'f');
        }, tables);
    }
}
