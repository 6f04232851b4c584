package org.pgdump4j.model;

import org.jspecify.annotations.Nullable;

/**
 * An object of one of the families read by {@code org.pgdump4j.object.*} (types, routines, operators, ...): what
 * the sort and the TOC assembler need from every such record. Records implementing it live in their family's
 * model package and stay immutable, linked to other objects by {@link ObjectId} only.
 */
public non-sealed interface FamilyObject extends DbObject {
    /** pg_dump's object type: the sort priority and the emitter. */
    ObjectKind kind();

    /** The schema's name, null for objects outside schemas (casts, languages, access methods...). */
    @Nullable String schema();

    /** The name pg_dump sorts by (its dobj.name: a function's name without arguments). */
    String sortName();

    /**
     * What orders objects of the same kind, schema and name, as pg_dump_sort.c's DOTypeNameCompare does per type
     * (e.g. a function's argument count then argument types). Compared by strcmp: encode numbers zero-padded.
     */
    default String tiebreak() {
        return "";
    }

    /** The parts of the object the dump writes. */
    Components components();

    /**
     * Objects this one needs that pg_depend does not record (pg_dump's explicit addObjectDependency calls: an
     * attachment needs both its partition and its parent; a table's ROW SECURITY, whose catalog id no pg_depend row
     * names, its table).
     */
    default java.util.List<ObjectId> requires() {
        return java.util.List.of();
    }

    /**
     * The object this one is written inside (a domain's validated CHECK constraint: its domain), or null. Such a
     * part is no sort item: its dependencies count as its owner's, unless they lead back to the owner; then the
     * sort makes it an item of its own after the owner (pg_dump_sort.c's repair of a domain/constraint loop), and
     * the owner's emitter learns that from {@link org.pgdump4j.toc.EntrySink#inline}.
     */
    default @Nullable ObjectId inlineInto() {
        return null;
    }
}
