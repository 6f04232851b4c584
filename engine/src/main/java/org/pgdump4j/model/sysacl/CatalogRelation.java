package org.pgdump4j.model.sysacl;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;

/**
 * A relation in pg_catalog (a system catalog or view) whose privileges, or one of whose columns' privileges, are
 * recorded: pg_dump's dumpTable writes only its ACL entries, table first, then each column's.
 *
 * @param relkind pg_class.relkind: 'S' is granted on as SEQUENCE, everything else as TABLE
 * @param columns the columns with an ACL or an initial one, by attnum (system columns too, as pg_dump reads them)
 */
public record CatalogRelation(ObjectId id, String name, char relkind, Ownership ownership,
        List<ColumnPrivileges> columns, Components components) implements FamilyObject {
    public CatalogRelation {
        columns = List.copyOf(columns);
    }

    /**
     * A column's privileges: {@code acl} null for none (no entry), its baseline the column's pg_init_privs entry,
     * else empty (a column's default ACL).
     */
    public record ColumnPrivileges(String name, @Nullable List<String> acl, List<String> baseline) {
        public ColumnPrivileges {
            acl = acl == null ? null : List.copyOf(acl);
            baseline = List.copyOf(baseline);
        }
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.TABLE;
    }

    @Override
    public String schema() {
        return CatalogSchema.NAME;
    }

    @Override
    public String sortName() {
        return name;
    }

    /** Whether the relation's or any column's privileges differ from their baseline. */
    public static boolean privilegesChanged(Ownership ownership, List<ColumnPrivileges> columns) {
        return ownership.changed()
                || columns.stream().anyMatch(c -> new Ownership(ownership.owner(), c.acl(), c.baseline()).changed());
    }
}
