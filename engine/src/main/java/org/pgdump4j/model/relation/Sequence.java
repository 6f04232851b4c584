package org.pgdump4j.model.relation;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;

/**
 * A sequence, stand-alone, owned by a column (serial) or backing an identity column.
 *
 * @param ownedBy the owning column, null when none
 * @param state   the current value, null when it could not be read
 */
public record Sequence(
        ObjectId id,
        QualifiedName name,
        Ownership ownership,
        Params params,
        char persistence,
        @Nullable OwnedBy ownedBy,
        @Nullable State state,
        @Nullable String comment,
        Components components) implements FamilyObject {

    /** CREATE SEQUENCE parameters; {@code type} is the format_type() name. */
    public record Params(String type, long start, long increment, long min, long max, long cache, boolean cycle) {
    }

    /**
     * The column a sequence belongs to; {@code identity} when it backs an identity column.
     *
     * @param tableName    the owning table's name when that table is dumped, else null
     * @param identityKind the owning column's attidentity when the table is dumped ('a', 'd'), else '\0'
     */
    public record OwnedBy(ObjectId table, String column, boolean identity, @Nullable QualifiedName tableName,
            char identityKind) {
        public OwnedBy(ObjectId table, String column, boolean identity) {
            this(table, column, identity, null, '\0');
        }
    }

    /** last_value and is_called, for setval(). */
    public record State(long lastValue, boolean isCalled) {
    }

    public boolean isIdentity() {
        return ownedBy != null && ownedBy.identity();
    }

    public Sequence withOwnedBy(@Nullable OwnedBy o) {
        return new Sequence(id, name, ownership, params, persistence, o, state, comment, components);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.TABLE;
    }

    @Override
    public String schema() {
        return name.schema();
    }

    @Override
    public String sortName() {
        return name.name();
    }
}
