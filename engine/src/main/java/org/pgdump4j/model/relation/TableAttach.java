package org.pgdump4j.model.relation;

import java.util.List;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.QualifiedName;

/**
 * A partition's attachment to its parent (pg_dump's TableAttachInfo): written whenever the partition's definition
 * is, whether or not the parent's is. It has no catalog row: its id is {@link ObjectId#attach} of the partition.
 *
 * @param owner the partition's owner, who runs the ALTER TABLE
 * @param bound pg_get_expr(relpartbound): {@code FOR VALUES ...} or {@code DEFAULT}
 */
public record TableAttach(
        ObjectId id,
        ObjectId partitionId,
        QualifiedName partition,
        String owner,
        ObjectId parentId,
        QualifiedName parent,
        String bound,
        Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.TABLE_ATTACH;
    }

    @Override
    public String schema() {
        return partition.schema();
    }

    @Override
    public String sortName() {
        return partition.name();
    }

    /** Both tables must exist first (pg_depend has nothing to say of it). */
    @Override
    public List<ObjectId> requires() {
        return List.of(partitionId, parentId);
    }
}
