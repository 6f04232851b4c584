package org.pgdump4j.object.extension;

import org.pgdump4j.model.extension.Extension;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** pg_dump's dumpExtension: the EXTENSION entry (no owner, no schema), then its comment. */
public final class ExtensionEmitter {
    private ExtensionEmitter() {
    }

    public static void emit(Extension e, EntrySink sink) {
        sink.definition(EntryKind.EXTENSION, e.name(), null, null, ExtensionDdl.create(e), ExtensionDdl.drop(e));
        sink.comment("EXTENSION", Sql.ident(e.name()), null, "", e.comment());
    }
}
