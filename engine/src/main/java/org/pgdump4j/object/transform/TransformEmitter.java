package org.pgdump4j.object.transform;

import org.pgdump4j.model.transform.Transform;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** pg_dump's dumpTransform: the TRANSFORM entry (no owner), then its comment. */
public final class TransformEmitter {
    private TransformEmitter() {
    }

    public static void emit(Transform t, EntrySink sink) {
        String label = TransformDdl.label(t);
        sink.definition(EntryKind.TRANSFORM, "TRANSFORM " + label, null, null, TransformDdl.create(t),
                TransformDdl.drop(t));
        sink.comment("TRANSFORM", label, null, "", t.comment());
    }
}
