package org.pgdump4j.object.foreign;

import org.pgdump4j.model.foreign.ForeignDataWrapper;
import org.pgdump4j.model.foreign.ForeignServer;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * pg_dump's dumpForeignDataWrapper and dumpForeignServer: the definition, its comment, its privileges (USAGE), and
 * for a server then its user mappings, one entry each.
 */
public final class ForeignEmitter {
    private ForeignEmitter() {
    }

    public static void wrapper(ForeignDataWrapper w, EntrySink sink) {
        String q = Sql.ident(w.name());
        String owner = w.ownership().owner();
        sink.definition(EntryKind.FOREIGN_DATA_WRAPPER, w.name(), null, owner, ForeignDdl.create(w),
                ForeignDdl.drop(w));
        sink.comment("FOREIGN DATA WRAPPER", q, null, owner, w.comment());
        sink.acl("FOREIGN DATA WRAPPER", q, null, w.ownership());
    }

    public static void server(ForeignServer s, EntrySink sink) {
        String q = Sql.ident(s.name());
        String owner = s.ownership().owner();
        sink.definition(EntryKind.SERVER, s.name(), null, owner, ForeignDdl.create(s), ForeignDdl.drop(s));
        sink.comment("SERVER", q, null, owner, s.comment());
        sink.acl("FOREIGN SERVER", q, null, s.ownership());
        for (ForeignServer.UserMapping m : s.userMappings()) {
            sink.userMapping(ForeignDdl.tag(s, m), owner, ForeignDdl.create(s, m), ForeignDdl.drop(s, m));
        }
    }
}
