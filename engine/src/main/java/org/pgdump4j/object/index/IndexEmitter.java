package org.pgdump4j.object.index;

import org.pgdump4j.ddl.RelationDdl;
import org.pgdump4j.model.index.Index;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** pg_dump's dumpIndex: the INDEX entry (owned by its table's owner, in its tablespace), then its comment. */
public final class IndexEmitter {
    private IndexEmitter() {
    }

    public static void emit(Index i, EntrySink sink) {
        sink.definition(EntryKind.INDEX, i.name(), i.schema(), i.tableOwner(), i.tablespace(), null, '\0',
                RelationDdl.createIndex(i, i.tableName()), RelationDdl.dropIndex(i, i.tableName()));
        sink.comment("INDEX", Sql.ident(i.name()), i.schema(), i.tableOwner(), i.comment());
    }
}
