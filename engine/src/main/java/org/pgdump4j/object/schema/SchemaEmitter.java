package org.pgdump4j.object.schema;

import org.pgdump4j.model.schema.Schema;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * pg_dump's dumpNamespace: the SCHEMA entry (for public only when its owner changed), its comment, its security
 * labels, its privileges.
 */
public final class SchemaEmitter {
    private SchemaEmitter() {
    }

    public static void emit(Schema s, EntrySink sink) {
        String owner = s.ownership().owner();
        if (s.definition()) {
            sink.definition(EntryKind.SCHEMA, s.name(), null, owner, SchemaDdl.create(s), SchemaDdl.drop(s));
        }
        String q = Sql.ident(s.name());
        sink.comment("SCHEMA", q, null, owner, s.comment());
        sink.securityLabels("SCHEMA", q, null, owner);
        sink.acl("SCHEMA", q, null, s.ownership());
    }
}
