package org.pgdump4j.object.cast;

import org.pgdump4j.model.cast.Cast;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** pg_dump's dumpCast: the CAST entry (no owner), then its comment. Casts have no privileges. */
public final class CastEmitter {
    private CastEmitter() {
    }

    public static void emit(Cast c, EntrySink sink) {
        String label = CastDdl.label(c);
        sink.definition(EntryKind.CAST, "CAST " + label, null, null, CastDdl.create(c), CastDdl.drop(c));
        sink.comment("CAST", label, null, "", c.comment());
    }
}
