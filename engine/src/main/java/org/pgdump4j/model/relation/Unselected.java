package org.pgdump4j.model.relation;

import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * A relation that is not dumped but still takes its place in the sort, as pg_dump sorts every object it knows
 * before filtering: without it, a narrowed dump (-n, -t) would order differently from a full one. Its definition
 * is never read (no lock, no deparse), so it has no components.
 */
public record Unselected(ObjectId id, String schema, String name) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.TABLE;
    }

    @Override
    public String sortName() {
        return name;
    }

    @Override
    public Components components() {
        return Components.NONE;
    }
}
