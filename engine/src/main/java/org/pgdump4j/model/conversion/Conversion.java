package org.pgdump4j.model.conversion;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * An encoding conversion (pg_conversion).
 *
 * @param from      the source encoding's name (pg_encoding_to_char)
 * @param to        the destination encoding's name
 * @param function  conproc as {@code regproc} prints it under an empty search_path
 * @param isDefault condefault: CREATE DEFAULT CONVERSION
 */
public record Conversion(ObjectId id, String schema, String name, String owner, String from, String to,
        String function, boolean isDefault, @Nullable String comment, Components components)
        implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.CONVERSION;
    }

    @Override
    public String sortName() {
        return name;
    }
}
