package org.pgdump4j.model.policy;

import java.util.List;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.QualifiedName;

/**
 * Row-level security enabled on a table (pg_dump's PolicyInfo without a name, for relrowsecurity): the ROW
 * SECURITY entry. Its id is pg_dump's catalog id for it, class 0 and the table's OID, so no pg_depend row names it;
 * it needs its table explicitly.
 *
 * @param tableId    the table's id
 * @param tableOwner the table's owner, the entry's owner
 */
public record RowSecurity(ObjectId tableId, QualifiedName table, String tableOwner, Components components)
        implements FamilyObject {
    @Override
    public ObjectId id() {
        return new ObjectId(0, tableId.oid());
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.POLICY;
    }

    @Override
    public String schema() {
        return table.schema();
    }

    /** pg_dump names it after its table. */
    @Override
    public String sortName() {
        return table.name();
    }

    @Override
    public String tiebreak() {
        return table.name();
    }

    @Override
    public List<ObjectId> requires() {
        return List.of(tableId);
    }
}
