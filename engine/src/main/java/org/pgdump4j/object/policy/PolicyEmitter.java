package org.pgdump4j.object.policy;

import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.policy.Policy;
import org.pgdump4j.model.policy.RowSecurity;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * pg_dump's dumpPolicy: a POLICY entry (tagged "table policy") then its comment, or the ROW SECURITY entry (tagged
 * with the table's name); post-data, owned by the table's owner.
 */
public final class PolicyEmitter {
    private PolicyEmitter() {
    }

    public static void emit(FamilyObject o, EntrySink sink) {
        if (o instanceof RowSecurity r) {
            sink.definition(EntryKind.ROW_SECURITY, r.table().name(), r.schema(), r.tableOwner(),
                    PolicyDdl.enable(r), "");
            return;
        }
        Policy p = (Policy) o;
        sink.definition(EntryKind.POLICY, p.table().name() + " " + p.name(), p.schema(), p.tableOwner(),
                PolicyDdl.create(p), PolicyDdl.drop(p));
        sink.comment("POLICY " + Sql.ident(p.name()) + " ON", Sql.ident(p.table().name()), p.schema(),
                p.tableOwner(), p.comment());
    }
}
