package org.pgdump4j.object.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.publication.Publication;
import org.pgdump4j.model.publication.PublicationSchema;
import org.pgdump4j.model.publication.PublicationTable;
import org.pgdump4j.sql.Sql;

/**
 * pg_dump's getPublications, getPublicationTables and getPublicationNamespaces (15+). Publications and their
 * memberships are dumped only when nothing narrows the dump (selectDumpablePublicationObject), whatever schema
 * their tables are in; none is read with --no-publications.
 */
public final class PublicationReader implements FamilyReader {
    private static final String PUBLICATIONS = """
            SELECT p.tableoid, p.oid, p.pubname, pg_catalog.pg_get_userbyid(p.pubowner) AS owner, p.puballtables,
                   p.pubinsert, p.pubupdate, p.pubdelete, {truncate} AS pubtruncate, {viaroot} AS pubviaroot,
                   {gencols} AS pubgencols, d.description
              FROM pg_catalog.pg_publication p
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = p.oid AND d.classoid = p.tableoid AND d.objsubid = 0
             ORDER BY p.oid
            """;
    private static final String TABLES = """
            SELECT pr.tableoid, pr.oid, p.pubname, pg_catalog.pg_get_userbyid(p.pubowner) AS owner,
                   n.nspname, c.relname, {qual} AS qual, {attrs} AS attrs
              FROM pg_catalog.pg_publication_rel pr
              JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid
              JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             ORDER BY pr.oid
            """;
    private static final String ATTRS = """
            CASE WHEN pr.prattrs IS NOT NULL THEN ARRAY(
                SELECT a.attname::pg_catalog.text
                  FROM pg_catalog.unnest(pr.prattrs::pg_catalog.int2[]) WITH ORDINALITY AS s(attnum, n)
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = s.attnum
                 ORDER BY s.n) END""";
    private static final String SCHEMAS = """
            SELECT pn.tableoid, pn.oid, p.pubname, pg_catalog.pg_get_userbyid(p.pubowner) AS owner, n.nspname
              FROM pg_catalog.pg_publication_namespace pn
              JOIN pg_catalog.pg_publication p ON p.oid = pn.pnpubid
              JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid
             ORDER BY pn.oid
            """;

    @Override
    public List<FamilyObject> read(ReadContext ctx) {
        List<FamilyObject> out = new ArrayList<>();
        if (!ctx.publications()) {
            return out;
        }
        var f = ctx.features();
        String pubs = Query.of(PUBLICATIONS)
                .slot("truncate", f.hasPublicationTruncate(), "p.pubtruncate", "false")
                .slot("viaroot", f.hasPublicationViaRoot(), "p.pubviaroot", "false")
                .slot("gencols", f.hasPublicationGeneratedColumns(), "p.pubgencols", "'n'::pg_catalog.\"char\"")
                .sql();
        out.addAll(ctx.jdbc().query("publications", pubs, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            return new Publication(id, rs.getString("pubname"), rs.getString("owner"), rs.getBoolean("puballtables"),
                    rs.getBoolean("pubinsert"), rs.getBoolean("pubupdate"), rs.getBoolean("pubdelete"),
                    rs.getBoolean("pubtruncate"), rs.getBoolean("pubviaroot"), Jdbc.charOf(rs, "pubgencols"),
                    rs.getString("description"), ctx.outsideSchema(id));
        }));
        String tables = Query.of(TABLES)
                .slot("qual", f.hasPublicationSchemas(), "pg_catalog.pg_get_expr(pr.prqual, pr.prrelid)", "NULL")
                .slot("attrs", f.hasPublicationSchemas(), ATTRS, "NULL::pg_catalog.text[]")
                .sql();
        out.addAll(ctx.jdbc().query("publication tables", tables, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            List<String> attrs = Jdbc.textArray(rs, "attrs");
            return new PublicationTable(id, rs.getString("pubname"), rs.getString("owner"),
                    new QualifiedName(rs.getString("nspname"), rs.getString("relname")),
                    attrs == null ? null : attrs.stream().map(Sql::ident).collect(Collectors.joining(", ")),
                    rs.getString("qual"), ctx.outsideSchema(id));
        }));
        if (f.hasPublicationSchemas()) {
            out.addAll(ctx.jdbc().query("publication schemas", SCHEMAS, rs -> {
                ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
                return new PublicationSchema(id, rs.getString("pubname"), rs.getString("owner"),
                        rs.getString("nspname"), ctx.outsideSchema(id));
            }));
        }
        return out;
    }
}
