package org.pgdump4j.model.textsearch;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * A text search template (pg_ts_template). Templates have no owner; functions as {@code regproc} prints them.
 *
 * @param init null when the template has none (tmplinit = 0)
 */
public record TsTemplate(ObjectId id, String schema, String name, @Nullable String init, String lexize,
        @Nullable String comment, Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.TSTEMPLATE;
    }

    @Override
    public String sortName() {
        return name;
    }
}
