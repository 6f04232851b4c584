package org.pgdump4j.model.type;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;

/**
 * A pg_type row pg_dump keeps as a TYPE object (its getTypes): a base, enum, composite, range or undefined (shell)
 * type, a domain, or a type whose definition is not dumped (built-in ones, other schemas'). Table row types, array
 * types and multirange types are not objects of their own: references to them fold onto their table, element type
 * or range type (catalog.DependencyReader).
 *
 * @param body the definition as dumpXxxType reads it; {@link TypeBody.NotRead} when no definition is written
 */
public record UserType(ObjectId id, String schema, String name, Ownership ownership, @Nullable String comment,
        Components components, TypeBody body) implements FamilyObject {
    public static final long PG_TYPE = 1247;

    public UserType {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.TYPE;
    }

    @Override
    public String sortName() {
        return name;
    }
}
