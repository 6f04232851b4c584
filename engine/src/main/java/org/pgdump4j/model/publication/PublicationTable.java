package org.pgdump4j.model.publication;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.QualifiedName;

/**
 * One table of a publication (pg_dump's PublicationRelInfo), sorted by the table's schema and name.
 *
 * @param owner   the publication's owner, who runs the ALTER PUBLICATION
 * @param columns the column list, each name quoted, joined by ", "; null for all columns (15+)
 * @param where   the row filter as pg_get_expr writes it, or null (15+)
 */
public record PublicationTable(ObjectId id, String publication, String owner, QualifiedName table,
        @Nullable String columns, @Nullable String where, Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.PUBLICATION_REL;
    }

    @Override
    public String schema() {
        return table.schema();
    }

    @Override
    public String sortName() {
        return table.name();
    }

    /** pg_dump_sort.c orders the entries of one table by publication name. */
    @Override
    public String tiebreak() {
        return publication;
    }
}
