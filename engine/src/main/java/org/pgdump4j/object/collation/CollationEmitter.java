package org.pgdump4j.object.collation;

import org.pgdump4j.model.collation.Collation;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** A collation's entries: definition and comment (collations have no privileges). */
public final class CollationEmitter {
    private CollationEmitter() {
    }

    public static void emit(Collation c, EntrySink sink) {
        sink.definition(EntryKind.COLLATION, c.name(), c.schema(), c.owner(), CollationDdl.create(c),
                CollationDdl.drop(c));
        sink.comment("COLLATION", Sql.ident(c.name()), c.schema(), c.owner(), c.comment());
    }
}
