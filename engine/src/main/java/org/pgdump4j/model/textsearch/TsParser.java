package org.pgdump4j.model.textsearch;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * A text search parser (pg_ts_parser). Parsers have no owner. The support functions are as {@code regproc} prints
 * them under an empty search_path (pg_catalog's unqualified), which is how pg_dump writes them.
 *
 * @param headline null when the parser has none (prsheadline = 0)
 */
public record TsParser(ObjectId id, String schema, String name, String start, String getToken, String end,
        @Nullable String headline, String lexTypes, @Nullable String comment, Components components)
        implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.TSPARSER;
    }

    @Override
    public String sortName() {
        return name;
    }
}
