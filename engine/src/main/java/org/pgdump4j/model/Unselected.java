package org.pgdump4j.model;

import org.jspecify.annotations.Nullable;

/**
 * A schema or relation that is not dumped but still takes its place in the sort, as pg_dump sorts every object
 * it knows before filtering: without it, a narrowed dump (-n, -t) would order differently from a full one.
 *
 * @param schema null for a schema itself
 */
public record Unselected(ObjectId id, @Nullable String schema, String name) {
}
