package org.pgdump4j.model.relation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.QualifiedName;

/**
 * A table constraint: PRIMARY KEY / UNIQUE / EXCLUDE (with their index), CHECK or FOREIGN KEY.
 *
 * @param tableName  its table's name, which its entry's tag and text name
 * @param tableOwner its table's owner, which owns its entry
 * @param type       pg_constraint.contype
 * @param definition pg_get_constraintdef()
 * @param index      the implementing index for p/u/x, else null
 * @param tablespace the implementing index's tablespace ("" default), null for c/f
 * @param partitionedTable whether its table is partitioned: a foreign key there is added without ONLY, so that
 *                   the partitions get it too
 * @param replicaIdentity its index is the table's replica identity
 * @param referencedTable a FOREIGN KEY's referenced table (confrelid), else null
 * @param foreignTable its table is a foreign table (a CHECK written on its own: ALTER FOREIGN TABLE)
 * @param indexExtensions the extensions its index is marked to depend on (ALTER INDEX ... DEPENDS ON EXTENSION)
 */
public record Constraint(
        ObjectId id,
        ObjectId table,
        QualifiedName tableName,
        String tableOwner,
        String name,
        char type,
        String definition,
        boolean validated,
        @Nullable ObjectId index,
        @Nullable String tablespace,
        boolean clustered,
        @Nullable String comment,
        Components components,
        boolean partitionedTable,
        boolean replicaIdentity,
        @Nullable ObjectId referencedTable,
        boolean foreignTable,
        List<String> indexExtensions) implements FamilyObject {
    public Constraint {
        indexExtensions = List.copyOf(indexExtensions);
    }

    /** A constraint whose index, if any, depends on no extension. */
    public Constraint(ObjectId id, ObjectId table, QualifiedName tableName, String tableOwner, String name, char type,
            String definition, boolean validated, @Nullable ObjectId index, @Nullable String tablespace,
            boolean clustered, @Nullable String comment, Components components, boolean partitionedTable,
            boolean replicaIdentity, @Nullable ObjectId referencedTable, boolean foreignTable) {
        this(id, table, tableName, tableOwner, name, type, definition, validated, index, tablespace, clustered,
                comment, components, partitionedTable, replicaIdentity, referencedTable, foreignTable, List.of());
    }

    /** A constraint of a table that is not a foreign table. */
    public Constraint(ObjectId id, ObjectId table, QualifiedName tableName, String tableOwner, String name, char type,
            String definition, boolean validated, @Nullable ObjectId index, @Nullable String tablespace,
            boolean clustered, @Nullable String comment, Components components, boolean partitionedTable,
            boolean replicaIdentity, @Nullable ObjectId referencedTable) {
        this(id, table, tableName, tableOwner, name, type, definition, validated, index, tablespace, clustered,
                comment, components, partitionedTable, replicaIdentity, referencedTable, false, List.of());
    }

    /** A constraint whose index, if any, is not the replica identity, and which references no table. */
    public Constraint(ObjectId id, ObjectId table, QualifiedName tableName, String tableOwner, String name, char type,
            String definition, boolean validated, @Nullable ObjectId index, @Nullable String tablespace,
            boolean clustered, @Nullable String comment, Components components, boolean partitionedTable) {
        this(id, table, tableName, tableOwner, name, type, definition, validated, index, tablespace, clustered,
                comment, components, partitionedTable, false, null, false, List.of());
    }

    public boolean isIndexBacked() {
        return type == 'p' || type == 'u' || type == 'x';
    }

    /** A validated CHECK: written inside its table's CREATE TABLE unless the sort moves it out. */
    public boolean isInlineCheck() {
        return type == 'c' && validated;
    }

    @Override
    public ObjectKind kind() {
        return type == 'f' ? ObjectKind.FK_CONSTRAINT : ObjectKind.CONSTRAINT;
    }

    @Override
    public String schema() {
        return tableName.schema();
    }

    @Override
    public String sortName() {
        return name;
    }

    /** pg_dump_sort.c's DOTypeNameCompare: constraints of the same name sort by their table's name. */
    @Override
    public String tiebreak() {
        return tableName.name();
    }
}
