package org.pgdump4j.object.extension;

import java.util.List;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.extension.Extension;

/**
 * pg_dump's getExtensions: every extension, initdb's plpgsql too (only its members' privileges are dumped). Their
 * configuration tables' rows are chosen with the relations (ReadContext.relationComponents).
 */
public final class ExtensionReader implements FamilyReader {
    private static final String SQL = """
            SELECT x.tableoid, x.oid, x.extname, n.nspname, d.description
              FROM pg_catalog.pg_extension x
              JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = x.oid AND d.classoid = x.tableoid AND d.objsubid = 0
             ORDER BY x.oid
            """;

    @Override
    public List<Extension> read(ReadContext ctx) {
        return ctx.jdbc().query("extensions", SQL, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            return new Extension(id, rs.getString("extname"), rs.getString("nspname"), rs.getString("description"),
                    ctx.extensionContains(id.oid()));
        });
    }
}
