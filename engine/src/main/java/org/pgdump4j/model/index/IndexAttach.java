package org.pgdump4j.model.index;

import java.util.List;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.QualifiedName;

/**
 * A partition's index attached to its partitioned table's index (pg_dump's IndexAttachInfo): written whenever the
 * partition's index is, whether or not the parent index is. Its id is {@link ObjectId#attach} of the index.
 *
 * @param index       the partition's index, in its table's schema
 * @param parentIndex the partitioned table's index
 * @param owner       the partitioned table's owner, who runs the ALTER INDEX
 */
public record IndexAttach(
        ObjectId id,
        ObjectId indexId,
        QualifiedName index,
        ObjectId table,
        ObjectId parentIndexId,
        QualifiedName parentIndex,
        ObjectId parentTable,
        String owner,
        Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.INDEX_ATTACH;
    }

    @Override
    public String schema() {
        return index.schema();
    }

    @Override
    public String sortName() {
        return index.name();
    }

    /** Both indexes and both tables first, as pg_dump's flagInhIndexes states it. */
    @Override
    public List<ObjectId> requires() {
        return List.of(indexId, parentIndexId, table, parentTable);
    }
}
