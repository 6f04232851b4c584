package org.pgdump4j.model;

import org.jspecify.annotations.Nullable;

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
        @Nullable String comment) implements DbObject {

    /** CREATE SEQUENCE parameters; {@code type} is the format_type() name. */
    public record Params(String type, long start, long increment, long min, long max, long cache, boolean cycle) {
    }

    /** The column a sequence belongs to; {@code identity} when it backs an identity column. */
    public record OwnedBy(ObjectId table, String column, boolean identity) {
    }

    /** last_value and is_called, for setval(). */
    public record State(long lastValue, boolean isCalled) {
    }

    public boolean isIdentity() {
        return ownedBy != null && ownedBy.identity();
    }
}
