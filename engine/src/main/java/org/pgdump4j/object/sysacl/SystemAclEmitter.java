package org.pgdump4j.object.sysacl;

import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.sysacl.CatalogRelation;
import org.pgdump4j.model.sysacl.CatalogSchema;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntrySink;

/**
 * pg_dump's dumpNamespace and dumpTable for pg_catalog and its relations, where only the ACL component is dumped:
 * {@code ACL} entries tagged {@code SCHEMA pg_catalog}, {@code TABLE pg_class}, {@code COLUMN pg_class.relname}.
 */
public final class SystemAclEmitter {
    private SystemAclEmitter() {
    }

    public static void emit(FamilyObject o, EntrySink sink) {
        if (o instanceof CatalogSchema s) {
            sink.acl("SCHEMA", Sql.ident(CatalogSchema.NAME), null, s.ownership());
        } else if (o instanceof CatalogRelation r) {
            relation(r, sink);
        } else {
            throw new IllegalStateException(o.kind() + " is not a family object");
        }
    }

    private static void relation(CatalogRelation r, EntrySink sink) {
        String q = Sql.ident(r.name());
        sink.acl(r.relkind() == 'S' ? "SEQUENCE" : "TABLE", q, r.schema(), r.ownership());
        // a column's privileges are granted ON TABLE whatever the relation's kind
        for (CatalogRelation.ColumnPrivileges c : r.columns()) {
            sink.columnAcl("TABLE", q, Sql.ident(c.name()), r.schema(),
                    new Ownership(r.ownership().owner(), c.acl(), c.baseline()));
        }
    }
}
