package org.pgdump4j.model.publication;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * A publication (pg_dump's PublicationInfo).
 *
 * @param viaRoot       publish_via_partition_root (13+; false before)
 * @param generatedCols pg_publication.pubgencols (18): 's' stored, 'n' none (before 18)
 */
public record Publication(ObjectId id, String name, String owner, boolean allTables, boolean insert,
        boolean update, boolean delete, boolean truncate, boolean viaRoot, char generatedCols,
        @Nullable String comment, Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.PUBLICATION;
    }

    @Override
    public @Nullable String schema() {
        return null;
    }

    @Override
    public String sortName() {
        return name;
    }
}
