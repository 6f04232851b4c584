package org.pgdump4j.object.operator;

import java.util.List;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.operator.AccessMethod;

/**
 * pg_dump's getAccessMethods: every access method (initdb's are not dumped: selectDumpableAccessMethod), with its
 * type, handler and comment. pg_am.amtype exists on every supported server; table methods occur from 12.
 */
public final class AccessMethodReader implements FamilyReader {
    private static final String SQL = """
            SELECT a.tableoid, a.oid, a.amname, a.amtype, a.amhandler::pg_catalog.regproc::pg_catalog.text AS handler,
                   d.description
              FROM pg_catalog.pg_am a
              LEFT JOIN pg_catalog.pg_description d
                     ON d.classoid = a.tableoid AND d.objoid = a.oid AND d.objsubid = 0
            """;

    @Override
    public List<AccessMethod> read(ReadContext ctx) {
        return ctx.jdbc().query("access methods", SQL, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            return new AccessMethod(id, rs.getString("amname"), rs.getString("amtype").charAt(0),
                    rs.getString("handler"), rs.getString("description"), ctx.outsideSchema(id));
        });
    }
}
