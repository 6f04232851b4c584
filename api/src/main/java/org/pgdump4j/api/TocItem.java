package org.pgdump4j.api;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an archive's table of contents, as a line of {@code pg_restore -l} shows it (and
 * {@code pg_restore -l -v} its dependencies).
 *
 * @param dumpId       the entry's number in the archive
 * @param kind         pg_restore's object type: {@code TABLE}, {@code TABLE DATA}, {@code INDEX}, {@code ACL}, ...
 * @param schema       the schema, or null for objects outside any ({@code SCHEMA}, {@code EXTENSION}, ...)
 * @param name         the entry's tag: {@code customer}, {@code customer_pkey}, {@code FUNCTION f(integer)}, ...
 * @param owner        the owning role, or null where there is none
 * @param section      which part of a restore it belongs to
 * @param dependencies the dump ids of the entries it must come after
 */
public record TocItem(int dumpId, String kind, @Nullable String schema, String name, @Nullable String owner,
        Section section, List<Integer> dependencies) {
    public TocItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(section, "section");
        dependencies = List.copyOf(dependencies);
    }

    /** pg_dump's sections: the order of a restore ({@code --section}). */
    public enum Section {
        /** Outside the sections: the encoding, search_path and other settings. */
        NONE,
        /** Definitions before the data: schemas, types, tables, functions... */
        PRE_DATA,
        /** Table rows, sequence values, large objects. */
        DATA,
        /** Definitions after the data: indexes, constraints, triggers, rules, policies... */
        POST_DATA
    }
}
