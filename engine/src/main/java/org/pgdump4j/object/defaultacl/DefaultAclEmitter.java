package org.pgdump4j.object.defaultacl;

import org.pgdump4j.model.defaultacl.DefaultAcl;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * pg_dump's dumpDefaultACL: one DEFAULT ACL entry (post-data; pg_restore runs it in its ACL pass), left out with
 * -x as privileges are. No drop statement, comment or owner change: a default ACL has none.
 */
public final class DefaultAclEmitter {
    private DefaultAclEmitter() {
    }

    public static void emit(DefaultAcl d, EntrySink sink) {
        sink.privilegesDefinition(EntryKind.DEFAULT_ACL, DefaultAclDdl.tag(d), d.schema(), d.role(),
                DefaultAclDdl.create(d));
    }
}
