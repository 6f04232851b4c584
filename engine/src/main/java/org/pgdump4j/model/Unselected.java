package org.pgdump4j.model;

/**
 * A relation that is not dumped but still takes its place in the sort, as pg_dump sorts every object
 * it knows before filtering: without it, a narrowed dump (-n, -t) would order differently from a full one.
 */
public record Unselected(ObjectId id, String schema, String name) {
}
