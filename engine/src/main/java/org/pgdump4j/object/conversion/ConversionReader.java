package org.pgdump4j.object.conversion;

import java.util.List;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.conversion.Conversion;

/**
 * pg_dump's getConversions with dumpConversion's per-object query folded in: every conversion (pg_catalog's too, for
 * the sort) in one query, the same on servers 10..18. The function prints as {@code regproc} under the dump's empty
 * search_path, as pg_dump's does.
 */
public final class ConversionReader implements FamilyReader {
    public static final long PG_CONVERSION = 2607;

    private static final String SQL = """
            SELECT c.oid, c.conname, c.connamespace, n.nspname, pg_catalog.pg_get_userbyid(c.conowner) AS owner,
                   pg_catalog.pg_encoding_to_char(c.conforencoding) AS conforencoding,
                   pg_catalog.pg_encoding_to_char(c.contoencoding) AS contoencoding,
                   c.conproc::pg_catalog.text AS conproc, c.condefault, d.description
              FROM pg_catalog.pg_conversion c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0
                   AND d.classoid = 'pg_catalog.pg_conversion'::pg_catalog.regclass
            """;

    @Override
    public List<Conversion> read(ReadContext ctx) {
        return ctx.jdbc().query("conversions", SQL, rs -> {
            ObjectId id = new ObjectId(PG_CONVERSION, rs.getLong("oid"));
            return new Conversion(id, rs.getString("nspname"), rs.getString("conname"), rs.getString("owner"),
                    rs.getString("conforencoding"), rs.getString("contoencoding"), rs.getString("conproc"),
                    rs.getBoolean("condefault"), rs.getString("description"),
                    ctx.inSchema(rs.getLong("connamespace"), id));
        });
    }
}
