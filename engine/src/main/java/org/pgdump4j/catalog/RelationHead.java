package org.pgdump4j.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;

/**
 * What pg_class says of a relation before any lock is taken: enough to select what to dump. No server-side
 * deparse function runs before the locks (pg_dump.c's header comment explains why).
 *
 * @param forceRowSecurity pg_class.relforcerowsecurity (written with the table's definition, --no-policies or not)
 * @param diskBytes     pg_class.relpages times the block size: the planner's idea of its size (0 before the first
 *                      VACUUM or ANALYZE), the scale of its data in progress reports
 */
public record RelationHead(
        long oid,
        QualifiedName name,
        char relkind,
        Ownership ownership,
        char persistence,
        String tablespace,
        @Nullable String accessMethod,
        List<String> options,
        boolean forceRowSecurity,
        long diskBytes) {

    /** A relation whose size is not known. */
    public RelationHead(long oid, QualifiedName name, char relkind, Ownership ownership, char persistence,
            String tablespace, @Nullable String accessMethod, List<String> options, boolean forceRowSecurity) {
        this(oid, name, relkind, ownership, persistence, tablespace, accessMethod, options, forceRowSecurity, 0);
    }
}
