package org.pgdump4j.model.publication;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * A schema whose tables a publication publishes (15+, pg_dump's PublicationSchemaInfo). pg_dump gives it the
 * schema's name and the schema's own (null) namespace, so it sorts among objects outside schemas.
 *
 * @param owner the publication's owner, who runs the ALTER PUBLICATION
 */
public record PublicationSchema(ObjectId id, String publication, String owner, String tablesSchema,
        Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.PUBLICATION_TABLE_IN_SCHEMA;
    }

    @Override
    public @Nullable String schema() {
        return null;
    }

    @Override
    public String sortName() {
        return tablesSchema;
    }

    /** pg_dump_sort.c orders the entries of one schema by publication name. */
    @Override
    public String tiebreak() {
        return publication;
    }
}
