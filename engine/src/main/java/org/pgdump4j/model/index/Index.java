package org.pgdump4j.model.index;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.QualifiedName;

/**
 * An index that is not the implementation of a constraint (pg_dump's IndxInfo).
 *
 * @param tableName  its table's name (the index lives in the table's schema)
 * @param tableOwner its table's owner, which owns its entry
 * @param definition pg_get_indexdef()
 * @param tablespace "" for the database default
 * @param attached   whether it is a partition's index attached to its partitioned table's index
 * @param statistics its columns' statistics targets set by ALTER INDEX ... SET STATISTICS, in column order
 * @param replicaIdentity it is its table's replica identity
 */
public record Index(
        ObjectId id,
        ObjectId table,
        QualifiedName tableName,
        String tableOwner,
        String name,
        String definition,
        String tablespace,
        boolean clustered,
        @Nullable String comment,
        Components components,
        boolean attached,
        List<StatisticsTarget> statistics,
        boolean replicaIdentity) implements FamilyObject {
    public Index {
        statistics = List.copyOf(statistics);
    }

    /** An index without statistics targets that is not the replica identity. */
    public Index(ObjectId id, ObjectId table, QualifiedName tableName, String tableOwner, String name,
            String definition, String tablespace, boolean clustered, @Nullable String comment,
            Components components, boolean attached) {
        this(id, table, tableName, tableOwner, name, definition, tablespace, clustered, comment, components,
                attached, List.of(), false);
    }

    /** An index column's statistics target (the column by number: index columns have no names to write). */
    public record StatisticsTarget(int column, int target) {
    }
    @Override
    public ObjectKind kind() {
        return ObjectKind.INDEX;
    }

    @Override
    public String schema() {
        return tableName.schema();
    }

    @Override
    public String sortName() {
        return name;
    }
}
