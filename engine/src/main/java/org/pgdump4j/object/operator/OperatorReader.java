package org.pgdump4j.object.operator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.operator.Operator;

/**
 * pg_dump's getOperators with dumpOpr's details in the same query: every operator (the built-in ones too, they keep
 * their place in the sort), its function, operand types, commutator and negator by schema and name, and comment.
 * The same on every server 10..18 (postfix operators simply stop occurring in 14).
 */
public final class OperatorReader implements FamilyReader {
    private static final String SQL = """
            SELECT o.tableoid, o.oid, o.oprname, o.oprnamespace, n.nspname,
                   pg_catalog.pg_get_userbyid(o.oprowner) AS owner, o.oprkind,
                   CASE WHEN o.oprcode <> 0 THEN o.oprcode::pg_catalog.regprocedure::pg_catalog.text END AS code,
                   o.oprleft::pg_catalog.regtype::pg_catalog.text AS lefttype,
                   o.oprright::pg_catalog.regtype::pg_catalog.text AS righttype,
                   cn.nspname AS comnsp, c.oprname AS comname, nn.nspname AS negnsp, ng.oprname AS negname,
                   o.oprcanmerge, o.oprcanhash,
                   CASE WHEN o.oprrest <> 0 THEN o.oprrest::pg_catalog.regprocedure::pg_catalog.text END AS rest,
                   CASE WHEN o.oprjoin <> 0 THEN o.oprjoin::pg_catalog.regprocedure::pg_catalog.text END AS joinsel,
                   ltn.nspname AS ltnsp, lt.typname AS ltname, rtn.nspname AS rtnsp, rt.typname AS rtname,
                   d.description
              FROM pg_catalog.pg_operator o
              JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
              LEFT JOIN pg_catalog.pg_operator c ON c.oid = o.oprcom
              LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = c.oprnamespace
              LEFT JOIN pg_catalog.pg_operator ng ON ng.oid = o.oprnegate
              LEFT JOIN pg_catalog.pg_namespace nn ON nn.oid = ng.oprnamespace
              LEFT JOIN pg_catalog.pg_type lt ON lt.oid = o.oprleft
              LEFT JOIN pg_catalog.pg_namespace ltn ON ltn.oid = lt.typnamespace
              LEFT JOIN pg_catalog.pg_type rt ON rt.oid = o.oprright
              LEFT JOIN pg_catalog.pg_namespace rtn ON rtn.oid = rt.typnamespace
              LEFT JOIN pg_catalog.pg_description d
                     ON d.classoid = o.tableoid AND d.objoid = o.oid AND d.objsubid = 0
            """;

    @Override
    public List<Operator> read(ReadContext ctx) {
        return ctx.jdbc().query("operators", SQL, rs -> map(ctx, rs));
    }

    private static Operator map(ReadContext ctx, ResultSet rs) throws SQLException {
        ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
        char kind = rs.getString("oprkind").charAt(0);
        String code = rs.getString("code");
        String rest = rs.getString("rest");
        String join = rs.getString("joinsel");
        return new Operator(id, rs.getString("nspname"), rs.getString("oprname"), kind, rs.getString("owner"),
                code == null ? null : OperatorDdl.functionName(code),
                kind == 'l' ? null : rs.getString("lefttype"), kind == 'r' ? null : rs.getString("righttype"),
                ref(rs.getString("comnsp"), rs.getString("comname")),
                ref(rs.getString("negnsp"), rs.getString("negname")),
                rs.getBoolean("oprcanmerge"), rs.getBoolean("oprcanhash"),
                rest == null ? null : OperatorDdl.functionName(rest),
                join == null ? null : OperatorDdl.functionName(join), rs.getString("description"),
                typeKey(rs.getString("ltnsp"), rs.getString("ltname")) + typeKey(rs.getString("rtnsp"),
                        rs.getString("rtname")),
                ctx.inSchema(rs.getLong("oprnamespace"), id));
    }

    private static @Nullable QualifiedName ref(@Nullable String schema, @Nullable String name) {
        return schema == null || name == null ? null : new QualifiedName(schema, name);
    }

    /**
     * pgTypeNameCompare's order for one operand encoded for strcmp: schema, then name, each ended by \1 (below
     * every character a name holds) so that a shorter name sorts first as strcmp has it; no type is empty.
     */
    private static String typeKey(@Nullable String schema, @Nullable String name) {
        return schema == null || name == null ? "\u0001" : schema + "\u0001" + name + "\u0001";
    }
}
