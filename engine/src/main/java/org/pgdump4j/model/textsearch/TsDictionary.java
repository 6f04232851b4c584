package org.pgdump4j.model.textsearch;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.QualifiedName;

/**
 * A text search dictionary (pg_ts_dict).
 *
 * @param template the template's schema and name, always written qualified
 * @param options  dictinitoption, the server's own rendering of the options ({@code a = 'x', b = 'y'}), or null
 */
public record TsDictionary(ObjectId id, String schema, String name, String owner, QualifiedName template,
        @Nullable String options, @Nullable String comment, Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.TSDICT;
    }

    @Override
    public String sortName() {
        return name;
    }
}
