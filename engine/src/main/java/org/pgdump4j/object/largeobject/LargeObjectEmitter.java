package org.pgdump4j.object.largeobject;

import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.largeobject.LargeObject;
import org.pgdump4j.model.largeobject.LargeObjectGroup;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * pg_dump's dumpLO: the group's BLOB METADATA entry, then each member's comment and security labels, then the
 * group's privileges (those of its first member: all members share them), tagged as the object's own for a group of
 * one. The BLOBS data entry is the TOC assembler's.
 */
public final class LargeObjectEmitter {
    private LargeObjectEmitter() {
    }

    public static void emit(LargeObjectGroup g, EntrySink sink) {
        String owner = g.owner();
        sink.definition(EntryKind.BLOB_METADATA, g.tag(), null, owner, LargeObjectDdl.metadata(g),
                LargeObjectDdl.DROP);
        for (LargeObject lo : g.members()) {
            sink.comment("LARGE OBJECT", Long.toString(lo.oid()), null, owner, lo.comment());
            sink.securityLabels(new ObjectId(ObjectId.PG_LARGEOBJECT, lo.oid()), "LARGE OBJECT",
                    Long.toString(lo.oid()), null, owner);
        }
        LargeObject first = g.members().get(0);
        if (g.members().size() == 1) {
            sink.acl("LARGE OBJECT", Long.toString(first.oid()), null, first.ownership());
        } else { // pg_restore then grants on each member of the range (IssueACLPerBlob)
            sink.acl("LARGE OBJECT", Long.toString(first.oid()), null, first.ownership(), "LARGE OBJECTS " + g.tag());
        }
    }
}
