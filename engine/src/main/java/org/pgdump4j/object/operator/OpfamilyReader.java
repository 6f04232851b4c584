package org.pgdump4j.object.operator;

import java.util.List;
import java.util.Map;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.operator.OpMember;
import org.pgdump4j.model.operator.OperatorFamily;

/**
 * pg_dump's getOpfamilies with dumpOpfamily's details: every operator family (the built-in ones keep their place
 * in the sort), its access method, loose members and comment. The same on every server.
 */
public final class OpfamilyReader implements FamilyReader {
    private static final String SQL = """
            SELECT f.tableoid, f.oid, f.opfname, f.opfnamespace, n.nspname,
                   pg_catalog.pg_get_userbyid(f.opfowner) AS owner, COALESCE(am.amname, '') AS amname, d.description
              FROM pg_catalog.pg_opfamily f
              JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
              LEFT JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
              LEFT JOIN pg_catalog.pg_description d
                     ON d.classoid = f.tableoid AND d.objoid = f.oid AND d.objsubid = 0
            """;

    @Override
    public List<OperatorFamily> read(ReadContext ctx) {
        Map<Long, List<OpMember>> members = MemberReader.ofFamilies(ctx);
        return ctx.jdbc().query("operator families", SQL, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            return new OperatorFamily(id, rs.getString("nspname"), rs.getString("opfname"), rs.getString("amname"),
                    rs.getString("owner"), members.getOrDefault(id.oid(), List.of()), rs.getString("description"),
                    ctx.inSchema(rs.getLong("opfnamespace"), id));
        });
    }
}
