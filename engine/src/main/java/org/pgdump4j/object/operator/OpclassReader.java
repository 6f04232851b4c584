package org.pgdump4j.object.operator;

import java.util.List;
import java.util.Map;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.operator.OpMember;
import org.pgdump4j.model.operator.OperatorClass;

/**
 * pg_dump's getOpclasses with dumpOpclass's details: every operator class (the built-in ones keep their place in
 * the sort), its access method, input and storage types, family, members and comment. The same on every server.
 */
public final class OpclassReader implements FamilyReader {
    private static final String SQL = """
            SELECT c.tableoid, c.oid, c.opcname, c.opcnamespace, n.nspname,
                   pg_catalog.pg_get_userbyid(c.opcowner) AS owner, c.opcdefault,
                   c.opcintype::pg_catalog.regtype::pg_catalog.text AS intype,
                   CASE WHEN c.opckeytype <> 0 THEN c.opckeytype::pg_catalog.regtype::pg_catalog.text END AS keytype,
                   f.opfname, fn.nspname AS opfnsp, COALESCE(am.amname, '') AS amname, d.description
              FROM pg_catalog.pg_opclass c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
              LEFT JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily
              LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace
              LEFT JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
              LEFT JOIN pg_catalog.pg_description d
                     ON d.classoid = c.tableoid AND d.objoid = c.oid AND d.objsubid = 0
            """;

    @Override
    public List<OperatorClass> read(ReadContext ctx) {
        Map<Long, List<OpMember>> members = MemberReader.ofClasses(ctx);
        return ctx.jdbc().query("operator classes", SQL, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            String family = rs.getString("opfname");
            return new OperatorClass(id, rs.getString("nspname"), rs.getString("opcname"), rs.getString("amname"),
                    rs.getString("owner"), rs.getBoolean("opcdefault"), rs.getString("intype"),
                    rs.getString("keytype"),
                    family == null ? null : new QualifiedName(rs.getString("opfnsp"), family),
                    members.getOrDefault(id.oid(), List.of()), rs.getString("description"),
                    ctx.inSchema(rs.getLong("opcnamespace"), id));
        });
    }
}
