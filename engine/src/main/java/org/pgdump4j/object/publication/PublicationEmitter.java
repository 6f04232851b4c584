package org.pgdump4j.object.publication;

import org.pgdump4j.model.publication.Publication;
import org.pgdump4j.model.publication.PublicationSchema;
import org.pgdump4j.model.publication.PublicationTable;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * pg_dump's dumpPublication (entry, comment, security labels), dumpPublicationTable and dumpPublicationNamespace, all
 * post-data. A table's or schema's membership has no drop statement: dropping the table or schema drops it.
 */
public final class PublicationEmitter {
    private PublicationEmitter() {
    }

    public static void publication(Publication p, EntrySink sink) {
        sink.definition(EntryKind.PUBLICATION, p.name(), null, p.owner(), PublicationDdl.create(p),
                PublicationDdl.drop(p));
        sink.comment("PUBLICATION", Sql.ident(p.name()), null, p.owner(), p.comment());
        sink.securityLabels("PUBLICATION", Sql.ident(p.name()), null, p.owner());
    }

    public static void table(PublicationTable t, EntrySink sink) {
        sink.definition(EntryKind.PUBLICATION_TABLE, t.publication() + " " + t.table().name(), t.table().schema(),
                t.owner(), PublicationDdl.addTable(t), "");
    }

    public static void schema(PublicationSchema s, EntrySink sink) {
        sink.definition(EntryKind.PUBLICATION_TABLES_IN_SCHEMA, s.publication() + " " + s.tablesSchema(),
                s.tablesSchema(), s.owner(), PublicationDdl.addSchema(s), "");
    }
}
