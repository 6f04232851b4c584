package org.pgdump4j.model.type;

import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * pg_dump's DO_SHELL_TYPE: {@code CREATE TYPE x;} ahead of a base (or range) type's I/O functions. It is made for
 * every base and range type whose definition is dumped, with no components: the sort gives it the components of
 * the functions that need it (pg_dump_sort.c's repairTypeFuncLoop), so it is written only then.
 *
 * @param type  the base or range type
 * @param owner the type's owner
 */
public record ShellType(ObjectId type, String schema, String name, String owner) implements FamilyObject {
    /** Not a catalog: a shell has no catalog row of its own (pg_dump gives it a nil catalog id). */
    public static final long NO_CATALOG = 0;

    public static ObjectId idFor(ObjectId type) {
        return new ObjectId(NO_CATALOG, type.oid());
    }

    @Override
    public ObjectId id() {
        return idFor(type);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SHELL_TYPE;
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
