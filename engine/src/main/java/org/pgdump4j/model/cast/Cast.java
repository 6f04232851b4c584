package org.pgdump4j.model.cast;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.RoutineRef;

/**
 * A cast (pg_dump's CastInfo).
 *
 * @param sortName the two types' pg_type names, as pg_dump names a cast for sorting ("int4 text")
 * @param source   the source type as format_type() writes it
 * @param method   pg_cast.castmethod: 'f' function, 'i' in/out, 'b' binary coercible
 * @param context  pg_cast.castcontext: 'e' explicit, 'a' assignment, 'i' implicit
 * @param function the cast function, for method 'f'
 */
public record Cast(ObjectId id, String sortName, String source, String target, char method, char context,
        @Nullable RoutineRef function, @Nullable String comment, Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.CAST;
    }

    @Override
    public @Nullable String schema() {
        return null;
    }
}
